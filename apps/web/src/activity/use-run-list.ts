import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../lib/trpc';
import type { RunFilters } from './run-filters';
import { RUN_PAGE_SIZE } from './run-queries';

/** The list's scope: one flow's runs (the panel) or a workflow's (the Activity page). */
export type RunListScope = { flowId: string } | { workflowId: string };

/** The `runs.list` / `runs.count` input for a scope and its filters (the page's flow filter narrows a workflow to one flow). */
export function runListFilterInput(scope: RunListScope, filters: RunFilters) {
  const { flowId, userId, ...rest } = filters;
  return { ...(flowId !== undefined ? { flowId } : scope), ...rest, ...(userId === undefined ? {} : { userId }) };
}

export type RunListFilterInput = ReturnType<typeof runListFilterInput>;

/** The infinite `runs.list` input (pages of RUN_PAGE_SIZE; the cursor is the page parameter). */
export function runPagesInput(input: RunListFilterInput) {
  return { ...input, limit: RUN_PAGE_SIZE };
}

/**
 * Every run the filters select, a page at a time (`fetchNextPage` as the list scrolls), and how
 * many there are in all. The flow's run events keep the first page and the count current.
 */
export function useRunList(input: RunListFilterInput) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(
    trpc.runs.list.infiniteQueryOptions(runPagesInput(input), { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: Infinity }),
  );
  const count = useQuery(trpc.runs.count.queryOptions(input, { staleTime: Infinity }));
  const items = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  return { pages, count, items };
}
