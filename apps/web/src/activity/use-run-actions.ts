import type { RunSummary } from '@flowyard/engine/schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';

/**
 * Re-running a run (from the start or from one step) and stopping it; `onStarted` hears the new
 * run's id (the panel selects it). A refusal's message (references the past outputs no longer
 * fit, a run that already ended) is kept to show beside the buttons.
 */
export function useRunActions(onStarted: (runId: string) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const rerun = useMutation(
    trpc.runs.rerun.mutationOptions({
      onMutate: () => setProblem(null),
      onSuccess: ({ runId }, input) => {
        void queryClient.invalidateQueries({ queryKey: trpc.runs.reruns.queryKey({ runId: input.runId }) });
        onStarted(runId);
      },
      onError: (error) => setProblem(readApiError(error).message),
    }),
  );
  const stop = useMutation(
    trpc.runs.stop.mutationOptions({
      onMutate: () => setProblem(null),
      onSuccess: (run: RunSummary) => queryClient.setQueryData(trpc.runs.get.queryKey({ runId: run.id }), (detail) => (detail === undefined ? detail : { ...detail, run })),
      onError: (error) => setProblem(readApiError(error).message),
    }),
  );
  return { rerun, stop, problem, clearProblem: () => setProblem(null) };
}

export type RunActions = ReturnType<typeof useRunActions>;
