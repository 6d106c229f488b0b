/**
 * Settings forms apply edits to the store after a short pause. Saving, running, undo and the
 * like first flush whatever is still waiting, so the last keystrokes are never left out.
 * One registry per open flow (FlowStoreProvider makes it).
 */
export interface PendingEdits {
  register(flush: () => void): () => void;
  flush(): void;
}

export function createPendingEdits(): PendingEdits {
  const pending = new Set<() => void>();
  return {
    register(flush) {
      pending.add(flush);
      return () => pending.delete(flush);
    },
    flush() {
      for (const flush of [...pending]) flush();
    },
  };
}
