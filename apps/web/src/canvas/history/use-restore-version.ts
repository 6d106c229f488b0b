import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTRPC } from '../../lib/trpc';
import { readApiError } from '../../lib/trpc-error';
import { useFlowStoreApi } from '../flow-store-context';

export interface VersionRestorer {
  /** Saves what is open, then stores `version` as a new version and shows it; resolves true when done. */
  restore(version: number): Promise<boolean>;
  restoring: boolean;
  /** Why the last restore did not happen, or null. */
  error: string | null;
}

/**
 * Restores a kept version the way a save works: over the version the editor holds (a stale one is
 * refused with CONFLICT). The restored graph comes in as one undo step, so Undo brings back what
 * was open, and it arrives already saved, so autosave has nothing to send.
 */
export function useRestoreVersion(save: () => Promise<boolean>): VersionRestorer {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const flowStore = useFlowStoreApi();
  const { mutateAsync, isPending } = useMutation(trpc.flows.restore.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  const restore = useCallback(
    async (version: number): Promise<boolean> => {
      setError(null);
      // Edits not saved yet become a version of their own first, so restoring loses nothing.
      if (!(await save())) {
        setError('Your latest changes could not be saved, so nothing was restored. Resolve the save problem first.');
        return false;
      }
      const state = flowStore.getState();
      try {
        const flow = await mutateAsync({ id: state.flowId, version, currentVersion: state.version });
        flowStore.getState().takeTheirs(flow);
        queryClient.setQueryData(trpc.flows.get.queryKey({ id: flow.id }), flow);
        void queryClient.invalidateQueries({ queryKey: trpc.flows.versions.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.endpoints.pathKey() });
        return true;
      } catch (caught) {
        setError(readApiError(caught).message);
        return false;
      }
    },
    [save, flowStore, mutateAsync, queryClient, trpc],
  );

  return { restore, restoring: isPending, error };
}
