import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../lib/trpc';
import type { SessionUser } from './session-context';

/** Who is signed in (null: nobody). Kept until sign-in, sign-out or an UNAUTHORIZED answer changes it. */
export function useSessionQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.session.queryOptions(undefined, { staleTime: Infinity, retry: 1 }));
}

/**
 * Sets who is signed in and drops everything else cached: another user must not see the previous
 * one's flows, runs or users, even for a moment. The session is set first, so the pages of a
 * signed-out user unmount before their queries go.
 */
export function useSetSession(): (user: SessionUser | null) => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (user: SessionUser | null) => setSession(queryClient, trpc.auth.session.queryKey(), user),
    [trpc, queryClient],
  );
}

/** See useSetSession; also for code outside React (the UNAUTHORIZED watcher). */
export function setSession(queryClient: QueryClient, sessionKey: readonly unknown[], user: SessionUser | null): void {
  queryClient.setQueryData(sessionKey, user);
  const sessionPath = JSON.stringify(sessionKey[0]);
  queryClient.removeQueries({ predicate: (query) => JSON.stringify(query.queryKey[0]) !== sessionPath });
}
