import type { ApiKeyRow } from '@flowyard/db';
import { apiKeyPrefix, can, type ApiKeyView, type FlowyardError } from '@flowyard/engine';
import { randomToken, sha256Hex } from '../auth/tokens';
import type { ServiceDeps } from '../deps';
import { createGenerationCache } from '../persistence/generation-cache';
import { userNotFound } from '../users/user-errors';
import { userViewOf, type UserView } from '../users/user-view';
import { apiKeyNotFound, disabledKeyUser, invalidApiKey, notYourKeys, revokedApiKey } from './api-key-errors';
import { looksLikeApiKey } from './read-api-key';

/** How many characters of a key lists show (`fy_` and 6 more). */
const displayedLength = apiKeyPrefix.length + 6;
// Recording every use would write on every call; to the minute is enough for "last used".
const lastUsedEveryMs = 60_000;

const toView = (row: ApiKeyRow): ApiKeyView => ({
  id: row.id,
  userId: row.userId,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  revokedAt: row.revokedAt,
});

/** Whether `actor` may manage the keys of `userId`: their own with apiKeys.own, anyone's with users.manage. */
function mayManage(actor: UserView, userId: string): boolean {
  return can(actor.role, 'users.manage') || (userId === actor.id && can(actor.role, 'apiKeys.own'));
}

/** API keys (`fy_…`) for API clients and HTTP triggers: shown once, stored as SHA-256. */
export function createApiKeysService({ store, now, newId }: ServiceDeps) {
  const { apiKeys, users } = store.repos;
  // A key and its user, per hash, until either table is written (a revoke, a disabled user, "last used").
  const keyRows = createGenerationCache(store.generations, ['api_keys', 'users'], (keyHash: string) => apiKeys.findWithUser(keyHash));

  // The hash of a key seen recently: a busy trigger caller sends the same key on every call.
  const hashes = new Map<string, string>();
  const hashOf = (key: string): string => {
    let hash = hashes.get(key);
    if (hash === undefined) {
      hash = sha256Hex(key);
      if (hashes.size >= 1000) hashes.clear();
      hashes.set(key, hash);
    }
    return hash;
  };

  return {
    /** A new key for `userId` (default: the actor). `key` is returned this once and never again. */
    async createAs(actor: UserView, input: { userId?: string | undefined; name: string }): Promise<{ key: string; apiKey: ApiKeyView }> {
      const userId = input.userId ?? actor.id;
      if (!mayManage(actor, userId)) throw notYourKeys();
      if (!(await users.get(userId))) throw userNotFound(userId);
      const key = `${apiKeyPrefix}${randomToken()}`;
      const row: ApiKeyRow = {
        id: newId(),
        userId,
        name: input.name,
        prefix: key.slice(0, displayedLength),
        keyHash: sha256Hex(key),
        createdAt: now().toISOString(),
        lastUsedAt: null,
        revokedAt: null,
      };
      await apiKeys.insert(row);
      return { key, apiKey: toView(row) };
    },

    /** The keys of `userId` (default: the actor), newest first, revoked ones included. */
    async listAs(actor: UserView, userId: string | undefined): Promise<ApiKeyView[]> {
      const owner = userId ?? actor.id;
      if (!mayManage(actor, owner)) throw notYourKeys();
      return (await apiKeys.listForUser(owner)).map(toView);
    },

    /** Revokes a key at once; revoking it again changes nothing. */
    async revokeAs(actor: UserView, id: string): Promise<ApiKeyView> {
      const row = await apiKeys.get(id);
      // Someone else's key is "not found" to a caller who may not see it.
      if (!row || !mayManage(actor, row.userId)) throw apiKeyNotFound(id);
      if (row.revokedAt !== null) return toView(row);
      const revokedAt = now().toISOString();
      await apiKeys.revoke(id, revokedAt);
      return toView({ ...row, revokedAt });
    },

    /**
     * The user a key acts as: UNAUTHORIZED (401) for an unknown or revoked key, FORBIDDEN
     * (403) when its user is disabled. Role checks (e.g. flows.trigger) are the caller's.
     */
    async authenticate(key: string): Promise<UserView | FlowyardError> {
      if (!looksLikeApiKey(key)) return invalidApiKey();
      const found = await keyRows.get(hashOf(key));
      if (!found) return invalidApiKey();
      // A disabled user's keys are revoked too; saying "disabled" tells the caller why.
      if (found.user.disabled) return disabledKeyUser();
      if (found.apiKey.revokedAt !== null) return revokedApiKey();
      const at = now();
      const last = found.apiKey.lastUsedAt === null ? 0 : Date.parse(found.apiKey.lastUsedAt);
      if (at.getTime() - last >= lastUsedEveryMs) await apiKeys.markUsed(found.apiKey.id, at.toISOString());
      return userViewOf(found.user);
    },
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
