import type { ServiceDeps } from '../deps';
import { userViewOf, type UserView } from '../users/user-view';
import { randomToken, sha256Hex } from './tokens';

/** A session ends after this long unused… */
export const sessionIdleMs = 12 * 60 * 60_000;
/** …and in any case this long after sign-in. */
export const sessionMaxMs = 7 * 24 * 60 * 60_000;
// Moving the expiry on every request would write on every call; a minute's slack is plenty.
const slideEveryMs = 60_000;

export interface ResolvedSession {
  user: UserView;
  sessionId: string;
}

/** Browser sessions: random tokens in the cookie, their SHA-256 in the database, idle and absolute expiry. */
export function createSessionsService({ store, now }: ServiceDeps) {
  const { sessions } = store.repos;
  return {
    /** Starts a session for `userId`; the token goes into the cookie and is not kept. */
    async start(userId: string): Promise<{ token: string; sessionId: string }> {
      const token = randomToken();
      const sessionId = sha256Hex(token);
      const at = now().getTime();
      await sessions.insert({
        id: sessionId,
        userId,
        createdAt: new Date(at).toISOString(),
        expiresAt: new Date(at + sessionIdleMs).toISOString(),
        absoluteExpiresAt: new Date(at + sessionMaxMs).toISOString(),
      });
      return { token, sessionId };
    },

    /** The session's user, while the session is current and the user enabled; moves the idle expiry on. */
    async resolve(token: string): Promise<ResolvedSession | undefined> {
      const sessionId = sha256Hex(token);
      const found = await sessions.getWithUser(sessionId);
      if (!found) return undefined;
      const at = now().getTime();
      const expiresAt = Date.parse(found.session.expiresAt);
      const absolute = Date.parse(found.session.absoluteExpiresAt);
      if (at >= expiresAt || at >= absolute) {
        await sessions.delete(sessionId);
        return undefined;
      }
      if (found.user.disabled) return undefined;
      const slid = Math.min(at + sessionIdleMs, absolute);
      if (slid - expiresAt >= slideEveryMs) await sessions.setExpiresAt(sessionId, new Date(slid).toISOString());
      return { user: userViewOf(found.user), sessionId };
    },

    async end(sessionId: string): Promise<void> {
      await sessions.delete(sessionId);
    },

    /** Removes ended sessions (called at start-up and now and then on sign-in). */
    prune: (): Promise<number> => sessions.deleteEndedBy(now().toISOString()),
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
