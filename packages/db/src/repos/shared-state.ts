import { and, desc, eq, gt, inArray, lt, lte, sql } from 'drizzle-orm';
import type { EndpointTokenRow, RunCredentialRow, SignInFailureRow } from '../tables';
import { first, type QueryContext } from './query-context';

/** The built-in endpoint's per-run credentials (by the SHA-256 of the credential). */
export function runCredentialsRepo({ orm, t, write }: QueryContext) {
  const { runCredentials } = t;
  return {
    insert: (row: RunCredentialRow): Promise<void> => write((o) => [o.insert(runCredentials).values(row)]),
    /** The credential with this hash while it has not expired by `at` (ISO). */
    findLive: (tokenHash: string, at: string): Promise<RunCredentialRow | undefined> =>
      first(orm.select().from(runCredentials).where(and(eq(runCredentials.tokenHash, tokenHash), gt(runCredentials.expiresAt, at)))),
    /** Ends every credential of the run. */
    deleteForRun: (runId: string): Promise<void> => write((o) => [o.delete(runCredentials).where(eq(runCredentials.runId, runId))]),
    /** Forgets the credentials expired by `at` (ISO). */
    deleteExpired: (at: string): Promise<void> => write((o) => [o.delete(runCredentials).where(lte(runCredentials.expiresAt, at))]),
  };
}

/** Endpoint access tokens shared by every process (stored sealed by the server). */
export function endpointTokensRepo({ orm, t, write }: QueryContext) {
  const { endpointTokens } = t;
  return {
    get: (cacheKey: string): Promise<EndpointTokenRow | undefined> => first(orm.select().from(endpointTokens).where(eq(endpointTokens.cacheKey, cacheKey))),
    /** Stores the token under its key, replacing the one there. */
    put: (row: EndpointTokenRow): Promise<void> =>
      write((o) => [
        o
          .insert(endpointTokens)
          .values(row)
          .onConflictDoUpdate({ target: endpointTokens.cacheKey, set: { endpointId: row.endpointId, sealed: row.sealed, valueHash: row.valueHash, updatedAt: row.updatedAt } }),
      ]),
    /** Deletes the token under the key only while it is still the one whose value has this hash. */
    deleteIfValue: (cacheKey: string, valueHash: string): Promise<void> =>
      write((o) => [o.delete(endpointTokens).where(and(eq(endpointTokens.cacheKey, cacheKey), eq(endpointTokens.valueHash, valueHash)))]),
    deleteForEndpoint: (endpointId: string): Promise<void> => write((o) => [o.delete(endpointTokens).where(eq(endpointTokens.endpointId, endpointId))]),
  };
}

/** Failed sign-in counters, per key (an address, or an account at an address). */
export function signInFailuresRepo({ orm, t, write }: QueryContext) {
  const { signInFailures } = t;
  return {
    get: (key: string): Promise<SignInFailureRow | undefined> => first(orm.select().from(signInFailures).where(eq(signInFailures.key, key))),
    /** The counters of these keys (missing keys have none). */
    getMany: async (keys: readonly string[]): Promise<SignInFailureRow[]> =>
      keys.length === 0 ? [] : orm.select().from(signInFailures).where(inArray(signInFailures.key, [...keys])),
    /**
     * Counts one failure at `at` (ISO), atomically even when instances count the same key at once:
     * the count starts again at 1 when the last failure was before `freshSince`.
     */
    recordFailure: (key: string, at: string, freshSince: string): Promise<void> =>
      write((o) => [
        o
          .insert(signInFailures)
          .values({ key, failures: 1, lastFailureAt: at })
          .onConflictDoUpdate({
            target: signInFailures.key,
            set: {
              failures: sql`case when ${signInFailures.lastFailureAt} < ${freshSince} then 1 else ${signInFailures.failures} + 1 end`,
              lastFailureAt: at,
            },
          }),
      ]),
    delete: (key: string): Promise<void> => write((o) => [o.delete(signInFailures).where(eq(signInFailures.key, key))]),
    /** Forgets counters whose last failure was before `before`, then all but the `keep` most recent. */
    prune: (before: string, keep: number): Promise<void> =>
      write((o) => [
        o.delete(signInFailures).where(lt(signInFailures.lastFailureAt, before)),
        // SQLite needs a LIMIT before an OFFSET: the largest int4 stands for none.
        o.delete(signInFailures).where(
          inArray(signInFailures.key, o.select({ key: signInFailures.key }).from(signInFailures).orderBy(desc(signInFailures.lastFailureAt)).limit(2 ** 31 - 1).offset(keep)),
        ),
      ]),
  };
}
