import type { RunEvent } from '@flowyard/engine/schemas';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { refetchAfterFetch } from './refetch-after-fetch';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '../lib/trpc';
import { pagesHold, upsertRun, upsertRunPages, upsertStep, type RunDetail, type RunPage, type RunPages } from './run-cache';
import { runMatches, type RunFilters } from './run-filters';
import { runListInput } from './run-queries';
import { runPagesInput, type RunListFilterInput } from './use-run-list';

/**
 * Streams the flow's run events into the query cache, so the runs list and the open run update
 * live without polling. On (re)connect it refetches once to catch up on what it missed.
 */
export function useRunEvents(flowId: string, list?: { input: RunListFilterInput; filters: RunFilters }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  /**
   * Writes an event into a cached query. A fetch still in flight may have read the server before
   * this event and would overwrite it when it lands, so the query is fetched once more after it
   * lands. (Invalidating at once is not enough: a first fetch, with no data yet, is not cancelled
   * but shared, and its stale answer would stay.)
   */
  const merge = <T,>(queryKey: QueryKey, update: (data: T) => T) => {
    if (queryClient.getQueryData(queryKey) !== undefined) queryClient.setQueryData<T>(queryKey, (data) => (data === undefined ? data : update(data)));
    if (queryClient.isFetching({ queryKey, exact: true }) > 0) refetchAfterFetch(queryClient, queryKey);
    else if (queryClient.getQueryData(queryKey) === undefined) void queryClient.invalidateQueries({ queryKey, exact: true });
  };

  const apply = (event: RunEvent) => {
    if (event.type === 'run') {
      merge<RunPage>(trpc.runs.list.queryKey(runListInput(flowId)), (page) => upsertRun(page, event.run));
      if (list !== undefined) {
        // The panel's filtered pages: a run joins or leaves them as it starts and ends, and the count follows.
        const belongs = runMatches(event.run, list.filters);
        const pagesKey = trpc.runs.list.infiniteQueryKey(runPagesInput(list.input));
        const held = queryClient.getQueryData<RunPages>(pagesKey);
        if (held !== undefined && pagesHold(held, event.run.id) !== belongs) void queryClient.invalidateQueries({ queryKey: trpc.runs.count.queryKey(list.input) });
        merge<RunPages>(pagesKey, (data) => upsertRunPages(data, event.run, belongs));
      }
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
          void queryClient.invalidateQueries({ queryKey: trpc.runs.list.infiniteQueryKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.runs.count.queryKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.runs.get.pathKey() });
        },
        onData: apply,
      },
    ),
  );
}
