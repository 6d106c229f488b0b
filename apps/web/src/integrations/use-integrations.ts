import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../lib/trpc';

/** The inbound and outbound integrations of a workflow; idle while `workflowId` is unknown. */
export function useIntegrations(workflowId: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.integrations.list.queryOptions(workflowId ? { workflowId } : skipToken));
}

/** Refetches every integration query (lists, single integrations, logs) after a change. */
export function useInvalidateIntegrations(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.integrations.pathKey() }), [trpc, queryClient]);
}
