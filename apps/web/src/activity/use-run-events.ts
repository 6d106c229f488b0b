import type { RunEvent } from '@flowyard/engine/schemas';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '../lib/trpc';
import { upsertRun, upsertStep, type RunDetail, type RunPage } from './run-cache';
import { runListInput } from './run-queries';

/**
 * Streams the flow's run events into the query cache, so the runs list and the open run update
 * live without polling. On (re)connect it refetches once to catch up on what it missed.
 */
export function useRunEvents(flowId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  /**
   * Writes an event into a cached query. A fetch still in flight may have read the server before
   * this event and would overwrite it when it lands, so then the query is fetched again instead.
   */
  const merge = <T,>(queryKey: QueryKey, update: (data: T) => T) => {
    const inFlight = queryClient.isFetching({ queryKey, exact: true }) > 0;
    if (queryClient.getQueryData(queryKey) !== undefined) queryClient.setQueryData<T>(queryKey, (data) => (data === undefined ? data : update(data)));
    if (inFlight || queryClient.getQueryData(queryKey) === undefined) void queryClient.invalidateQueries({ queryKey, exact: true });
  };

  const apply = (event: RunEvent) => {
    if (event.type === 'run') {
      merge<RunPage>(trpc.runs.list.queryKey(runListInput(flowId)), (page) => upsertRun(page, event.run));
      const detailKey = trpc.runs.get.queryKey({ runId: event.run.id });
      // Only an open run's detail is kept; a run nobody looks at is fetched when selected.
      if (queryClient.getQueryData(detailKey) !== undefined || queryClient.isFetching({ queryKey: detailKey, exact: true }) > 0) {
        merge<RunDetail>(detailKey, (detail) => ({ ...detail, run: event.run }));
      }
      return;
    }
    merge<RunDetail>(trpc.runs.get.queryKey({ runId: event.step.runId }), (detail) => upsertStep(detail, event.step));
  };

  return useSubscription(
    trpc.runs.events.subscriptionOptions(
      { flowId },
      {
        onStarted: () => {
          void queryClient.invalidateQueries({ queryKey: trpc.runs.list.queryKey(runListInput(flowId)) });
          void queryClient.invalidateQueries({ queryKey: trpc.runs.get.pathKey() });
        },
        onData: apply,
      },
    ),
  );
}
