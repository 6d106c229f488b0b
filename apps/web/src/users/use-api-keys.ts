import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../lib/trpc';

/** A user's API keys (never the keys themselves: their prefixes, names and dates). */
export function useApiKeys(userId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.apiKeys.list.queryOptions({ userId }));
}

/** Refetches API key lists after a create or a revoke. */
export function useInvalidateApiKeys(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.pathKey() }), [trpc, queryClient]);
}
