import type { ReactNode } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { readApiError } from '../lib/trpc-error';
import { SessionContext } from './session-context';
import { signInHref } from './sign-in-redirect';
import { useSessionQuery } from './use-session';
import { useUnauthorizedWatch } from './use-unauthorized-watch';

/** Renders its children for a signed-in user; anyone else goes to the sign-in page and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSessionQuery();
  const [location] = useLocation();
  const search = useSearch();
  useUnauthorizedWatch();

  if (session.isPending) {
    return <div className="flex h-full items-center justify-center text-sm text-zinc-500">Loading…</div>;
  }
  if (session.error) {
    return (
      <div role="alert" className="flex h-full items-center justify-center text-sm text-red-700">
        Flowyard could not be reached: {readApiError(session.error).message}
      </div>
    );
  }
  if (!session.data) return <Redirect to={signInHref(search ? `${location}?${search}` : location)} replace />;
  return <SessionContext value={session.data}>{children}</SessionContext>;
}
