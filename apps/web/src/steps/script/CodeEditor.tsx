import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { javascript, javascriptLanguage } from '@codemirror/lang-javascript';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import CodeMirror, { EditorView, keymap, placeholder, Prec, type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import { toDiagnostic, type CodeProblem } from './code-problems';
import { completeScript, type ScriptNames } from './script-completions';

export type { CodeProblem };

/** What the sidebar can do with the editor. */
export interface CodeEditorHandle {
  /** Replaces the selection (or inserts at the cursor) with `text`, then focuses the editor. */
  insert(text: string): void;
  focus(): void;
}

export interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  /** Names completion offers (endpoints, inputs, outputs, constants, libraries); read when completing. */
  names: ScriptNames;
  handle: Ref<CodeEditorHandle>;
  /** The accessible name of the editing area, e.g. "Script". */
  label: string;
  describedBy?: string;
  invalid?: boolean;
  onSaveShortcut?(): void;
  height?: string;
  /**
   * Problems to mark in the text (a parse error from the server): underlined at their place, with
   * a marker in a gutter beside the line. Undefined: no gutter (the step script editor).
   */
  problems?: readonly CodeProblem[] | undefined;
}

function showProblems(view: EditorView, problems: readonly CodeProblem[]): void {
  view.dispatch(setDiagnostics(view.state, problems.map((problem) => toDiagnostic(view.state.doc, problem))));
}

/** How much of the script before the cursor completion reads (enough for any one call). */
const LOOK_BEHIND = 4000;

/**
 * The script editor: CodeMirror with JavaScript highlighting and completion of endpoint names,
 * `http.request` options, input/output/constant labels and library names. Loaded lazily (it is big).
 */
export default function CodeEditor({ value, onChange, onBlur, names, handle, label, describedBy, invalid = false, onSaveShortcut, height = '420px', problems }: CodeEditorProps) {
  const editor = useRef<ReactCodeMirrorRef>(null);
  const latest = useRef({ names, invalid, onSaveShortcut, problems });
  latest.current = { names, invalid, onSaveShortcut, problems };
  const withProblems = problems !== undefined;

  useEffect(() => {
    const view = editor.current?.view;
    // Before the view exists, onCreateEditor shows them.
    if (view && problems !== undefined) showProblems(view, problems);
  }, [problems]);

  useImperativeHandle(handle, () => ({
    insert(text) {
      const view = editor.current?.view;
      if (!view) return;
      view.dispatch({ ...view.state.replaceSelection(text), scrollIntoView: true });
      view.focus();
    },
    focus() {
      editor.current?.view?.focus();
    },
  }));

  const extensions = useMemo(
    () => [
      javascript(),
      javascriptLanguage.data.of({
        autocomplete: (context: CompletionContext): CompletionResult | null => {
          const start = Math.max(0, context.pos - LOOK_BEHIND);
          const before = context.state.sliceDoc(start, context.pos);
          const result = completeScript(before, latest.current.names);
          if (!result) return null;
          if (!result.eager && result.from === before.length && !context.explicit) return null;
          return {
            from: start + result.from,
            options: result.options,
            validFor: result.eager && !result.word ? /^[^'"\\\n]*$/ : /^[\w$]*$/,
          };
        },
      }),
      EditorView.contentAttributes.of(() => ({
        'aria-label': label,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(latest.current.invalid ? { 'aria-invalid': 'true' } : {}),
      })),
      placeholder("// input['Label'] reads an input; output['Label'] = … sets an output.\n// Type http.request({ endpoint: ' to pick an endpoint, require(' for a shared library, constants[' for a constant."),
      Prec.highest(
        keymap.of([
          {
            key: 'Mod-s',
            run: () => {
              latest.current.onSaveShortcut?.();
              return latest.current.onSaveShortcut !== undefined;
            },
          },
        ]),
      ),
      ...(withProblems ? [lintGutter()] : []),
    ],
    [label, describedBy, withProblems],
  );

  return (
    <CodeMirror
      ref={editor}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      onCreateEditor={(view) => {
        if (latest.current.problems !== undefined) showProblems(view, latest.current.problems);
      }}
      extensions={extensions}
      height={height}
      basicSetup={{ foldGutter: false, highlightActiveLine: true }}
      className="overflow-hidden text-[13px]"
    />
  );
}
