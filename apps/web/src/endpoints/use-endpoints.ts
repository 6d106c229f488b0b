import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../lib/trpc';

/** The endpoints of a workflow, sorted by name; idle while `workflowId` is unknown. */
export function useEndpoints(workflowId: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.endpoints.list.queryOptions(workflowId ? { workflowId } : skipToken));
}

/**
 * Refetches every endpoint query (lists, single endpoints, usage) so open pickers and dialogs show
 * a change without a reload.
 */
export function useInvalidateEndpoints(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.endpoints.pathKey() }), [trpc, queryClient]);
}
