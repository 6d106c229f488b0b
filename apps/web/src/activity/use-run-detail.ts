import type { StepStatus } from '@flowyard/engine/schemas';
import { skipToken, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../lib/trpc';

/** The selected run with its step records (`runs.get`), kept fresh by the run events. */
export function useRunDetail(runId: string | null) {
  const trpc = useTRPC();
  // Events keep the cache current, so it never goes stale by itself.
  return useQuery(trpc.runs.get.queryOptions(runId ? { runId } : skipToken, { staleTime: Infinity }));
}

/** Step status per node id for the run, for the canvas to mark its nodes. */
export function useRunStepStatuses(runId: string | null): ReadonlyMap<string, StepStatus> {
  const { data } = useRunDetail(runId);
  return useMemo(() => new Map((data?.steps ?? []).map((s) => [s.nodeId, s.status])), [data]);
}
