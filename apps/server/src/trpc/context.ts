import type { AppServices } from '../compose';
import type { SessionCookieWriter } from '../auth/session-cookie';
import type { UserView } from '../users/user-view';

/**
 * Every procedure runs with the services and the caller. `user` is null
 * before sign-in: only `publicProcedure`s accept that (see init.ts).
 */
export interface Context {
  services: AppServices;
  user: UserView | null;
  /** The stored id of the session cookie the call came with (signOut ends it); null for API keys and in-process callers. */
  sessionId: string | null;
  /** Sets or clears the session cookie on the response. */
  sessionCookie: SessionCookieWriter;
  /** Where the call comes from (sign-in throttling counts failures per address). */
  clientAddress: string;
}
