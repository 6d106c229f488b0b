import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { graphOf } from './flow-store';
import { useFlowStoreApi, usePendingEdits } from './flow-store-context';
import { saveProblemOf, type SaveProblem } from './save-problem';

/**
 * Saves the open flow with the version it was loaded at. Resolves true when the flow is stored
 * (or nothing needed saving); a refusal is kept in `problem` for the editor to show.
 */
export function useSaveFlow() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(trpc.flows.save.mutationOptions());
  const flowStore = useFlowStoreApi();
  const pendingEdits = usePendingEdits();
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const { mutateAsync } = mutation;

  const save = useCallback((): Promise<boolean> => {
    // Ctrl+S pressed again while saving waits for the same save instead of sending a stale version.
    if (inFlight.current) return inFlight.current;
    pendingEdits.flush();
    const state = flowStore.getState();
    const flowId = state.flowId;
    if (!state.dirty) return Promise.resolve(true);
    const graph = graphOf(state);
    const attempt = mutateAsync({ id: flowId, version: state.version, graph })
      .then((flow) => {
        flowStore.getState().markSaved(flow.version, graph);
        queryClient.setQueryData(trpc.flows.get.queryKey({ id: flow.id }), flow);
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.pathKey() });
        // Usage of endpoints follows the saved steps.
        void queryClient.invalidateQueries({ queryKey: trpc.endpoints.pathKey() });
        setProblem(null);
        return true;
      })
      .catch((error: unknown) => {
        setProblem(saveProblemOf(readApiError(error), graph));
        return false;
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = attempt;
    return attempt;
  }, [flowStore, pendingEdits, mutateAsync, queryClient, trpc]);

  return { save, saving: mutation.isPending, problem, clearProblem: () => setProblem(null) };
}
