import { lazy, Suspense, type Ref } from 'react';
import type { CodeEditorHandle, CodeEditorProps } from './CodeEditor';

// CodeMirror is big: load it only when a script editor is shown, never with the canvas.
const CodeEditor = lazy(() => import('./CodeEditor'));

export type { CodeEditorHandle };

/** The lazily loaded code editor, with a plain placeholder of the same height while it loads. */
export function ScriptEditor(props: CodeEditorProps & { handle: Ref<CodeEditorHandle> }) {
  return (
    <Suspense
      fallback={
        <div style={{ height: props.height ?? '420px' }} className="flex items-center justify-center text-sm text-zinc-400">
          Loading editor…
        </div>
      }
    >
      <CodeEditor {...props} />
    </Suspense>
  );
}
