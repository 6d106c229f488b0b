import { skipToken, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../lib/trpc';

/** How many flows the Flows list asks for at a time. */
export const FLOW_PAGE_SIZE = 50;

/** The flows of a workflow whose name contains `search`, page by page; idle while `workflowId` is unknown. */
export function useFlows(workflowId: string | undefined, search: string) {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.flows.list.infiniteQueryOptions(workflowId ? { workflowId, search, limit: FLOW_PAGE_SIZE } : skipToken, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
}

/** Refetches flow queries after a create, rename or delete. */
export function useInvalidateFlows(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.flows.pathKey() }), [trpc, queryClient]);
}
