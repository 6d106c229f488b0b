import { flowStore } from './flow-store';
import { flushPendingEdits } from './pending-edits';

// Toolbar buttons and shortcuts act on the store only after any settings edit still waiting for its
// pause has landed, so undo never skips over the last thing typed.

export function undo(): void {
  flushPendingEdits();
  flowStore.getState().undo();
}

export function redo(): void {
  flushPendingEdits();
  flowStore.getState().redo();
}

export function removeSelected(): void {
  flushPendingEdits();
  flowStore.getState().removeSelected();
}
