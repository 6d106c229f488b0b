import { eq, lt, or, sessions, users } from '@flowyard/db';
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
export function createSessionsService({ db, now }: ServiceDeps) {
  return {
    /** Starts a session for `userId`; the token goes into the cookie and is not kept. */
    async start(userId: string): Promise<{ token: string; sessionId: string }> {
      const token = randomToken();
      const sessionId = sha256Hex(token);
      const at = now().getTime();
      await db.orm.insert(sessions).values({
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
      const [found] = await db.orm.select().from(sessions).innerJoin(users, eq(sessions.userId, users.id)).where(eq(sessions.id, sessionId));
      if (!found) return undefined;
      const at = now().getTime();
      const expiresAt = Date.parse(found.sessions.expiresAt);
      const absolute = Date.parse(found.sessions.absoluteExpiresAt);
      if (at >= expiresAt || at >= absolute) {
        await db.orm.delete(sessions).where(eq(sessions.id, sessionId));
        return undefined;
      }
      if (found.users.disabled) return undefined;
      const slid = Math.min(at + sessionIdleMs, absolute);
      if (slid - expiresAt >= slideEveryMs) {
        await db.orm.update(sessions).set({ expiresAt: new Date(slid).toISOString() }).where(eq(sessions.id, sessionId));
      }
      return { user: userViewOf(found.users), sessionId };
    },

    async end(sessionId: string): Promise<void> {
      await db.orm.delete(sessions).where(eq(sessions.id, sessionId));
    },

    /** Removes ended sessions (called at start-up and now and then on sign-in). */
    async prune(): Promise<number> {
      const at = now().toISOString();
      const removed = await db.orm
        .delete(sessions)
        .where(or(lt(sessions.expiresAt, at), lt(sessions.absoluteExpiresAt, at)))
        .returning({ id: sessions.id });
      return removed.length;
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
