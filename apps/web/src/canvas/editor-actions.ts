import { useMemo } from 'react';
import { useFlowStoreApi, usePendingEdits } from './flow-store-context';

export interface EditorActions {
  undo(): void;
  redo(): void;
  removeSelected(): void;
}

/**
 * Toolbar buttons and shortcuts act on the store only after any settings edit still waiting for
 * its pause has landed, so undo never skips over the last thing typed.
 */
export function useEditorActions(): EditorActions {
  const store = useFlowStoreApi();
  const pending = usePendingEdits();
  return useMemo(
    () => ({
      undo: () => {
        pending.flush();
        store.getState().undo();
      },
      redo: () => {
        pending.flush();
        store.getState().redo();
      },
      removeSelected: () => {
        pending.flush();
        store.getState().removeSelected();
      },
    }),
    [store, pending],
  );
}
