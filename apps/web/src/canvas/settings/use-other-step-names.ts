import { useCallback } from 'react';
import { flowStore } from '../flow-store';

/** Lower-cased names of every step but `nodeId`, read fresh at validation time. */
export function useOtherStepNames(nodeId: string): () => ReadonlySet<string> {
  return useCallback(
    () =>
      new Set(
        flowStore
          .getState()
          .nodes.filter((n) => n.id !== nodeId)
          .map((n) => n.data.name.trim().toLowerCase()),
      ),
    [nodeId],
  );
}
