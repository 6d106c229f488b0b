/**
 * Settings forms apply edits to the store after a short pause. Saving or running first flushes
 * whatever is still waiting, so the last keystrokes are never left out.
 */
const pending = new Set<() => void>();

export function registerPendingEdit(flush: () => void): () => void {
  pending.add(flush);
  return () => pending.delete(flush);
}

export function flushPendingEdits(): void {
  for (const flush of [...pending]) flush();
}
