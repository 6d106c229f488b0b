import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { graphOf } from './flow-store';
import { useFlowStoreApi, usePendingEdits } from './flow-store-context';
import { saveProblemOf, type SaveProblem } from './save-problem';

export interface FlowSaver {
  /** Saves now; resolves true when the flow is stored (or nothing needed saving). */
  save(): Promise<boolean>;
  saving: boolean;
  /** Why the last save was refused; autosave waits while there is one. */
  problem: SaveProblem | null;
  clearProblem(): void;
  /** Conflict → "Reload theirs": the stored version replaces the graph as one undo step. */
  takeTheirs(): Promise<void>;
  /** Conflict → "Overwrite with mine": saves this graph over the stored version. */
  overwriteWithMine(): Promise<boolean>;
}

/**
 * Saves the open flow with the version it was loaded at (`flows.save` refuses a stale one with
 * CONFLICT). A save asked for while one is on its way waits for it, then saves what changed since.
 */
export function useSaveFlow(): FlowSaver {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(trpc.flows.save.mutationOptions());
  const flowStore = useFlowStoreApi();
  const pendingEdits = usePendingEdits();
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const { mutateAsync } = mutation;

  const saveOnce = useCallback((): Promise<boolean> => {
    pendingEdits.flush();
    const state = flowStore.getState();
    if (!state.dirty) return Promise.resolve(true);
    const graph = graphOf(state);
    return mutateAsync({ id: state.flowId, version: state.version, graph })
      .then((flow) => {
        flowStore.getState().markSaved(flow.version, graph);
        queryClient.setQueryData(trpc.flows.get.queryKey({ id: flow.id }), flow);
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.pathKey() });
        // Every save keeps a version: an open History panel shows it.
        void queryClient.invalidateQueries({ queryKey: trpc.flows.versions.pathKey() });
        // Usage of endpoints follows the saved steps.
        void queryClient.invalidateQueries({ queryKey: trpc.endpoints.pathKey() });
        setProblem(null);
        return true;
      })
      .catch((error: unknown) => {
        setProblem(saveProblemOf(readApiError(error), graph));
        return false;
      });
  }, [flowStore, pendingEdits, mutateAsync, queryClient, trpc]);

  const save = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) {
      if (!(await inFlight.current)) return false;
    }
    const attempt = saveOnce().finally(() => {
      inFlight.current = null;
    });
    inFlight.current = attempt;
    return attempt;
  }, [saveOnce]);

  const fetchStored = useCallback(
    () => queryClient.fetchQuery({ ...trpc.flows.get.queryOptions({ id: flowStore.getState().flowId }), staleTime: 0 }),
    [queryClient, trpc, flowStore],
  );

  const takeTheirs = useCallback(async () => {
    const stored = await fetchStored();
    flowStore.getState().takeTheirs(stored);
    setProblem(null);
  }, [fetchStored, flowStore]);

  const overwriteWithMine = useCallback(async () => {
    const stored = await fetchStored();
    flowStore.getState().rebaseOn(stored.version);
    setProblem(null);
    return save();
  }, [fetchStored, flowStore, save]);

  return { save, saving: mutation.isPending, problem, clearProblem: () => setProblem(null), takeTheirs, overwriteWithMine };
}
