import type { SharedToken, SharedTokens } from '@flowyard/engine';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ServiceDeps } from '../deps';

const storedTokenSchema = z.object({
  token: z.object({
    value: z.string(),
    expiresAt: z.number().nullable(),
    instanceUrl: z.string().nullable(),
    refreshToken: z.string().nullable(),
  }),
  refreshAt: z.number().nullable(),
});

const valueHash = (value: string): string => createHash('sha256').update(value).digest('hex');

/** The endpoint id in a token key (`<endpoint id>:<fingerprint>`, see the engine's tokenKey). */
const endpointIdOf = (key: string): string => key.slice(0, Math.max(0, key.lastIndexOf(':')));

/**
 * Endpoint tokens shared by every process on the database (the engine's SharedTokens port): sealed
 * with the server's secret key (the cache key as context, so a row copied under another key does
 * not open), fetched under a lock per key (an advisory lock on PostgreSQL), so one token request
 * serves every worker for the token's lifetime.
 */
export function createStoredTokens({ store, secretBox, now }: Pick<ServiceDeps, 'store' | 'secretBox' | 'now'>): SharedTokens {
  const repo = store.repos.endpointTokens;
  return {
    async read(key) {
      const row = await repo.get(key);
      if (row === undefined) return undefined;
      try {
        const parsed = storedTokenSchema.safeParse(JSON.parse(secretBox.open(row.sealed, key)));
        return parsed.success ? parsed.data : undefined;
      } catch {
        // Sealed under another secret key (FLOWYARD_SECRET_KEY changed): as good as missing.
        return undefined;
      }
    },
    write: (key, entry: SharedToken) =>
      repo.put({
        cacheKey: key,
        endpointId: endpointIdOf(key),
        sealed: secretBox.seal(JSON.stringify(entry), key),
        valueHash: valueHash(entry.token.value),
        updatedAt: now().toISOString(),
      }),
    discard: (key, token) => repo.deleteIfValue(key, valueHash(token.value)),
    withLock: (key, work) => store.locks.withLock(`token:${key}`, work),
  };
}
