import type { RunEvent } from '@flowyard/engine/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '../lib/trpc';
import { upsertRun, upsertStep } from './run-cache';
import { runListInput } from './run-queries';

/**
 * Streams the flow's run events into the query cache, so the runs list and the open run update
 * live without polling. On (re)connect it refetches once to catch up on what it missed.
 */
export function useRunEvents(flowId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  const apply = (event: RunEvent) => {
    if (event.type === 'run') {
      const listKey = trpc.runs.list.queryKey(runListInput(flowId));
      if (queryClient.getQueryData(listKey)) {
        queryClient.setQueryData(listKey, (page) => (page ? upsertRun(page, event.run) : page));
      } else {
        void queryClient.invalidateQueries({ queryKey: listKey });
      }
      queryClient.setQueryData(trpc.runs.get.queryKey({ runId: event.run.id }), (detail) =>
        detail ? { ...detail, run: event.run } : detail,
      );
      return;
    }
    const detailKey = trpc.runs.get.queryKey({ runId: event.step.runId });
    if (queryClient.getQueryData(detailKey)) {
      queryClient.setQueryData(detailKey, (detail) => (detail ? upsertStep(detail, event.step) : detail));
    } else {
      // A fetch may be in flight that started before this step: fetch again rather than lose it.
      void queryClient.invalidateQueries({ queryKey: detailKey });
    }
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
