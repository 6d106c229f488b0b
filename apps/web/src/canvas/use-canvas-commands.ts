import { useReactFlow } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import { copyOf, parseClipboard, serializeClipboard, type StepsClipboard } from './clipboard/steps-clipboard';
import { graphOf } from './flow-store';
import { useFlowStoreApi, usePendingEdits } from './flow-store-context';
import { tidyLayout } from './layout/tidy-layout';

/** Where the copied group lands when the pointer is not over the canvas: beside the originals. */
const PASTE_OFFSET = { x: 40, y: 40 };
const DEFAULT_SIZE = { width: 224, height: 56 };

type Point = { x: number; y: number };

export interface CanvasCommands {
  /** The selection as clipboard text, or null when nothing is selected. */
  copyText(): string | null;
  /** Copies (and with `cut`, removes) the selection through the system clipboard API. */
  copyToClipboard(cut: boolean): Promise<void>;
  /** Adds the steps held in clipboard `text`: at `at` (screen point) when given, else beside where they were. */
  pasteText(text: string, at?: Point | null): boolean;
  /** Reads the system clipboard and pastes (the context menu's Paste). */
  pasteFromClipboard(at?: Point | null): Promise<void>;
  cutAfterCopy(): void;
  duplicate(): void;
  selectAll(): void;
  remove(): void;
  tidyUp(): void;
  addNote(at?: Point | null): void;
  /** The last pointer position over the canvas (screen), for pasting where the person points. */
  pointer: { current: Point | null };
}

/** The canvas tools the keyboard, the context menu and the toolbar share. */
export function useCanvasCommands(notify: (message: string) => void): CanvasCommands {
  const store = useFlowStoreApi();
  const pending = usePendingEdits();
  const { screenToFlowPosition, getViewport } = useReactFlow();
  const pointer = useRef<Point | null>(null);

  return useMemo((): CanvasCommands => {
    const selectedClip = (): StepsClipboard | null => {
      pending.flush();
      const state = store.getState();
      const ids = new Set([...state.nodes, ...state.notes].filter((n) => n.selected).map((n) => n.id));
      return copyOf(graphOf(state), ids);
    };
    const copied = (clip: StepsClipboard) => {
      const steps = clip.nodes.length;
      return steps === 0 ? `${clip.notes.length === 1 ? 'Note' : 'Notes'} copied` : `${steps} ${steps === 1 ? 'step' : 'steps'} copied`;
    };
    const topLeft = (clip: StepsClipboard): Point => {
      const all = [...clip.nodes.map((n) => n.position), ...clip.notes.map((n) => n.position)];
      return { x: Math.min(...all.map((p) => p.x)), y: Math.min(...all.map((p) => p.y)) };
    };
    const pasteText = (text: string, at?: Point | null) => {
      const clip = parseClipboard(text);
      if (!clip) {
        notify('Nothing to paste: the clipboard holds no Flowyard steps');
        return false;
      }
      pending.flush();
      let offset = PASTE_OFFSET;
      if (at) {
        const target = screenToFlowPosition(at);
        const from = topLeft(clip);
        offset = { x: Math.round(target.x - from.x), y: Math.round(target.y - from.y) };
      }
      const ids = store.getState().paste(clip, offset);
      notify(`${ids.length} ${ids.length === 1 ? 'step' : 'steps'} pasted`);
      return true;
    };
    const remove = () => {
      pending.flush();
      store.getState().removeSelected();
    };
    return {
      pointer,
      copyText() {
        const clip = selectedClip();
        if (!clip) return null;
        notify(copied(clip));
        return serializeClipboard(clip);
      },
      async copyToClipboard(cut) {
        const clip = selectedClip();
        if (!clip) return;
        try {
          await navigator.clipboard.writeText(serializeClipboard(clip));
          notify(copied(clip));
          if (cut) remove();
        } catch {
          notify(`The browser did not allow using the clipboard; press ${cut ? 'Ctrl+X' : 'Ctrl+C'} instead`);
        }
      },
      pasteText,
      async pasteFromClipboard(at) {
        let text: string;
        try {
          text = await navigator.clipboard.readText();
        } catch {
          notify('The browser did not allow reading the clipboard; press Ctrl+V instead');
          return;
        }
        pasteText(text, at);
      },
      cutAfterCopy: remove,
      duplicate() {
        pending.flush();
        store.getState().duplicateSelected();
      },
      selectAll() {
        store.getState().selectAll();
      },
      remove,
      tidyUp() {
        pending.flush();
        const { nodes, edges } = store.getState();
        const positions = tidyLayout(
          nodes.map((n) => ({ id: n.id, position: n.position, width: n.measured?.width ?? DEFAULT_SIZE.width, height: n.measured?.height ?? DEFAULT_SIZE.height })),
          edges,
        );
        store.getState().moveSteps(positions);
        notify('Steps tidied up (Undo puts them back)');
      },
      addNote(at) {
        const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
        const point = at ?? (pane ? { x: pane.left + pane.width / 2 - 120 * getViewport().zoom, y: pane.top + 40 } : { x: 200, y: 200 });
        const position = screenToFlowPosition(point);
        store.getState().addNote({ x: Math.round(position.x), y: Math.round(position.y) });
      },
    };
  }, [store, pending, screenToFlowPosition, getViewport, notify]);
}
