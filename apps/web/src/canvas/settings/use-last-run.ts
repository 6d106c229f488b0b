import type { RunSummary, StepRecord } from '@flowyard/engine/schemas';
import { skipToken, useQuery } from '@tanstack/react-query';
import { runListInput } from '../../activity/run-queries';
import { useRunDetail } from '../../activity/use-run-detail';
import { useTRPC } from '../../lib/trpc';

export type LastRun =
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'ready'; run: RunSummary; steps: StepRecord[] };

/**
 * The flow's newest run with its step records. It shares the Activity panel's queries, which the
 * run events keep current, so a new run's data shows here as it is recorded.
 */
export function useLastRun(flowId: string | null): LastRun {
  const trpc = useTRPC();
  const runs = useQuery(trpc.runs.list.queryOptions(flowId ? runListInput(flowId) : skipToken, { staleTime: Infinity }));
  const newest = runs.data?.items[0] ?? null;
  const detail = useRunDetail(newest?.id ?? null);
  if (runs.isError) return { state: 'none' };
  if (runs.data === undefined) return { state: 'loading' };
  if (newest === null) return { state: 'none' };
  if (detail.data === undefined) return detail.isError ? { state: 'none' } : { state: 'loading' };
  return { state: 'ready', run: detail.data.run, steps: detail.data.steps };
}
