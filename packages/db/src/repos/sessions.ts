import { eq, lt, or } from 'drizzle-orm';
import type { SessionRow, UserRow } from '../tables';
import { first, type QueryContext } from './query-context';

/** Browser sessions (by the SHA-256 of their token). */
export function sessionsRepo({ orm, t, write, returning }: QueryContext) {
  const { sessions, users } = t;
  return {
    /** The session and its user. */
    getWithUser: async (id: string): Promise<{ session: SessionRow; user: UserRow } | undefined> =>
      first(orm.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(sessions.userId, users.id)).where(eq(sessions.id, id))),
    insert: (row: SessionRow): Promise<void> => write((o) => [o.insert(sessions).values(row)]),
    setExpiresAt: (id: string, expiresAt: string): Promise<void> => write((o) => [o.update(sessions).set({ expiresAt }).where(eq(sessions.id, id))]),
    delete: (id: string): Promise<void> => write((o) => [o.delete(sessions).where(eq(sessions.id, id))]),
    deleteForUser: (userId: string): Promise<void> => write((o) => [o.delete(sessions).where(eq(sessions.userId, userId))]),
    /** Outside a unit of work: deletes the sessions ended by `at` (ISO); how many. */
    deleteEndedBy: async (at: string): Promise<number> =>
      (await returning((o) => [o.delete(sessions).where(or(lt(sessions.expiresAt, at), lt(sessions.absoluteExpiresAt, at))).returning({ id: sessions.id })])).length,
  };
}
