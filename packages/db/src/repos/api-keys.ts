import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ApiKeyRow, UserRow } from '../tables';
import { first, type QueryContext } from './query-context';

/** API keys (by the SHA-256 of the key). */
export function apiKeysRepo({ orm, t, write }: QueryContext) {
  const { apiKeys, users } = t;
  return {
    get: (id: string): Promise<ApiKeyRow | undefined> => first(orm.select().from(apiKeys).where(eq(apiKeys.id, id))),
    /** The key with this hash and its user. */
    findWithUser: (keyHash: string): Promise<{ apiKey: ApiKeyRow; user: UserRow } | undefined> =>
      first(orm.select({ apiKey: apiKeys, user: users }).from(apiKeys).innerJoin(users, eq(apiKeys.userId, users.id)).where(eq(apiKeys.keyHash, keyHash))),
    /** A user's keys, newest first, revoked ones included. */
    listForUser: async (userId: string): Promise<ApiKeyRow[]> => orm.select().from(apiKeys).where(eq(apiKeys.userId, userId)).orderBy(desc(apiKeys.createdAt)),
    insert: (row: ApiKeyRow): Promise<void> => write((o) => [o.insert(apiKeys).values(row)]),
    revoke: (id: string, at: string): Promise<void> => write((o) => [o.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, id))]),
    /** Revokes the user's keys not revoked yet. */
    revokeAllOf: (userId: string, at: string): Promise<void> =>
      write((o) => [o.update(apiKeys).set({ revokedAt: at }).where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))]),
    markUsed: (id: string, at: string): Promise<void> => write((o) => [o.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id))]),
  };
}
