import { useEffect, useRef } from 'react';

export interface EditorShortcuts {
  save(): void;
  undo(): void;
  redo(): void;
  remove(): void;
}

/** Text fields keep their own undo and Backspace. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Ctrl/Cmd+S, Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z or Ctrl+Y, and Delete/Backspace for the selection. */
export function useEditorShortcuts(shortcuts: EditorShortcuts) {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // Keys meant for an open dialog stay there.
      if (event.target instanceof Element && event.target.closest('[role="dialog"],[role="alertdialog"],[role="menu"]')) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        latest.current.save();
        return;
      }
      if (isEditable(event.target)) return;
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) latest.current.redo();
        else latest.current.undo();
      } else if (mod && key === 'y') {
        event.preventDefault();
        latest.current.redo();
      } else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        event.preventDefault();
        latest.current.remove();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
