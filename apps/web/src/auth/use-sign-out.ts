import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { useSetSession } from './use-session';

/** Ends the session on the server, then here (which shows the sign-in page). */
export function useSignOut() {
  const trpc = useTRPC();
  const setSession = useSetSession();
  return useMutation(
    trpc.auth.signOut.mutationOptions({
      // Signed out here even when the server could not be told: the cookie is then just stale.
      onSettled: () => setSession(null),
    }),
  );
}
