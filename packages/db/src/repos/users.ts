import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { UserRow } from '../tables';
import { first, type QueryContext } from './query-context';

/** `text` as a LIKE pattern matching it anywhere, its wildcards taken literally (escape `\`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Users; emails are stored lower-cased and unique. */
export function usersRepo({ orm, t, write, returning }: QueryContext) {
  const { users } = t;
  const byName = [asc(sql`lower(${users.name})`), asc(users.email)];
  return {
    get: (id: string): Promise<UserRow | undefined> => first(orm.select().from(users).where(eq(users.id, id))),
    /** The user with exactly this (stored, lower-case) email. */
    findByEmail: (email: string): Promise<UserRow | undefined> => first(orm.select().from(users).where(eq(users.email, email))),
    /** Whether there is any user at all. */
    any: async (): Promise<boolean> => (await first(orm.select({ id: users.id }).from(users).limit(1))) !== undefined,
    async countEnabledAdminsOtherThan(id: string): Promise<number> {
      const row = await first(orm.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, id))));
      return row?.n ?? 0;
    },
    /** Everyone, by name (case-insensitively), then email. */
    list: async (): Promise<UserRow[]> => orm.select().from(users).orderBy(...byName),
    /**
     * Users whose name or email contains `needle` (lower-case; empty matches everyone), by name;
     * only the user `onlyId` when given; at most `limit`.
     */
    search: async (needle: string, options: { onlyId?: string; limit: number }): Promise<UserRow[]> => {
      const pattern = containsPattern(needle);
      const matches = needle === '' ? undefined : sql`(lower(${users.name}) like ${pattern} escape '\\' or lower(${users.email}) like ${pattern} escape '\\')`;
      return orm
        .select()
        .from(users)
        .where(and(matches, options.onlyId === undefined ? undefined : eq(users.id, options.onlyId)))
        .orderBy(...byName)
        .limit(options.limit);
    },

    /** Outside a unit of work: inserts the user unless the email is taken; whether it did. */
    insertIfEmailFree: async (row: UserRow): Promise<boolean> =>
      (await returning((o) => [o.insert(users).values(row).onConflictDoNothing({ target: users.email }).returning({ id: users.id })])).length > 0,
    insert: (row: UserRow): Promise<void> => write((o) => [o.insert(users).values(row)]),
    update: (id: string, changes: Partial<Omit<UserRow, 'id'>>): Promise<void> => write((o) => [o.update(users).set(changes).where(eq(users.id, id))]),
  };
}
