import { useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../lib/trpc';

/** How many versions the History panel asks for at a time. */
export const VERSION_PAGE_SIZE = 20;

/** The first page has no `before`: it starts at the newest version. */
const newestPage: number | null = null;

/**
 * A flow's kept versions, newest first, page by page. `flows.versions` pages by `before` (a
 * version number), not by tRPC's `cursor`, so the query is spelled out; its key starts with the
 * procedure's path, so invalidating `flows.versions` (after a save) refetches it.
 */
export function useFlowVersions(flowId: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  return useInfiniteQuery({
    queryKey: [...trpc.flows.versions.pathKey(), { id: flowId, limit: VERSION_PAGE_SIZE }],
    queryFn: ({ pageParam }) => client.flows.versions.query({ id: flowId, before: pageParam, limit: VERSION_PAGE_SIZE }),
    initialPageParam: newestPage,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
}
