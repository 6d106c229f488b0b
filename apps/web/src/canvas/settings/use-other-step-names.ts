import { useCallback } from 'react';
import { useFlowStoreApi } from '../flow-store-context';

/** Lower-cased names of every step but `nodeId`, read fresh at validation time. */
export function useOtherStepNames(nodeId: string): () => ReadonlySet<string> {
  const flowStore = useFlowStoreApi();
  return useCallback(
    () =>
      new Set(
        flowStore
          .getState()
          .nodes.filter((n) => n.id !== nodeId)
          .map((n) => n.data.name.trim().toLowerCase()),
      ),
    [flowStore, nodeId],
  );
}
