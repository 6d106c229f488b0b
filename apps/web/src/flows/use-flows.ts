import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../lib/trpc';

/** The flows of a workflow; idle while `workflowId` is unknown. */
export function useFlows(workflowId: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.flows.list.queryOptions(workflowId ? { workflowId } : skipToken));
}

/** Refetches flow queries after a create, rename or delete. */
export function useInvalidateFlows(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.flows.pathKey() }), [trpc, queryClient]);
}
