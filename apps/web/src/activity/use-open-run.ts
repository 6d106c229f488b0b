import type { RunSummary } from '@flowyard/engine/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';

/** Looks a run up by id (a run id pasted into search) and hands it to `onFound`; otherwise keeps why not. */
export function useOpenRun(onFound: (run: RunSummary) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const open = (runId: string): void => {
    queryClient.fetchQuery(trpc.runs.get.queryOptions({ runId })).then(
      ({ run }) => {
        setProblem(null);
        onFound(run);
      },
      (error: unknown) => setProblem(readApiError(error).message),
    );
  };
  return { open, problem };
}
