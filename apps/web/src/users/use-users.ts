import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../lib/trpc';

/** Every user, for the Users page (admins). */
export function useUsers() {
  const trpc = useTRPC();
  return useQuery(trpc.users.list.queryOptions());
}

/** One user by id; idle while `id` is unknown. */
export function useUser(id: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.users.get.queryOptions(id ? { id } : skipToken));
}

/** Refetches user queries after a create or an update. */
export function useInvalidateUsers(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() }), [trpc, queryClient]);
}
