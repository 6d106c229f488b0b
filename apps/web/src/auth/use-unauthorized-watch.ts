import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '../lib/trpc';
import { isUnauthorized } from './is-unauthorized';
import { setSession } from './use-session';

/**
 * Any query or mutation answered UNAUTHORIZED (the session expired or was signed out elsewhere)
 * ends the session here too, which sends the person to the sign-in page.
 */
export function useUnauthorizedWatch(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const sessionKey = trpc.auth.session.queryKey();
    const end = (error: unknown) => {
      if (!isUnauthorized(error)) return;
      // Not from inside the cache's own notification.
      queueMicrotask(() => {
        if (queryClient.getQueryData(sessionKey) !== null) setSession(queryClient, sessionKey, null);
      });
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') end(event.action.error);
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') end(event.action.error);
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [trpc, queryClient]);
}
