import { useEffect, useRef } from 'react';

export interface EditorShortcuts {
  save(): void;
  undo(): void;
  redo(): void;
  remove(): void;
  duplicate(): void;
  selectAll(): void;
  showShortcuts(): void;
  /** Copy, cut and paste come as the browser's clipboard events (they carry the system clipboard). */
  copy(): string | null;
  cut(): void;
  paste(text: string): void;
}

/** Text fields keep their own undo, Backspace, select-all and clipboard. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Keys meant for an open dialog or menu stay there. */
function inOverlay(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"],[role="alertdialog"],[role="menu"]') !== null;
}

/** Text selected on the page (e.g. in the Activity panel) is copied as text, not as steps. */
function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}

/**
 * Ctrl/Cmd+S, Z, Shift+Z or Y, D (duplicate), A (select all), C/X/V (through the clipboard
 * events), Delete/Backspace for the selection, and `?` for the list of shortcuts.
 */
export function useEditorShortcuts(shortcuts: EditorShortcuts) {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || inOverlay(event.target)) return;
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
      } else if (mod && key === 'd') {
        event.preventDefault();
        latest.current.duplicate();
      } else if (mod && key === 'a') {
        event.preventDefault();
        latest.current.selectAll();
      } else if (!mod && event.key === '?') {
        event.preventDefault();
        latest.current.showShortcuts();
      } else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        event.preventDefault();
        latest.current.remove();
      }
    };
    const ours = (event: ClipboardEvent) => !event.defaultPrevented && !inOverlay(event.target) && !isEditable(event.target);
    const onCopy = (event: ClipboardEvent) => {
      if (!ours(event) || hasTextSelection()) return;
      const text = latest.current.copy();
      if (text === null || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    };
    const onCut = (event: ClipboardEvent) => {
      if (!ours(event) || hasTextSelection()) return;
      const text = latest.current.copy();
      if (text === null || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
      latest.current.cut();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (!ours(event) || !event.clipboardData) return;
      event.preventDefault();
      latest.current.paste(event.clipboardData.getData('text/plain'));
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}
