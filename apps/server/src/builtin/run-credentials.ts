import type { Store } from '@flowyard/db';
import { createHash, randomBytes } from 'node:crypto';

/** Every run credential starts with this, so that logs and the REST API can tell it from an API key. */
export const runCredentialPrefix = 'fyr_';

/** A run credential outlives neither its run nor this (a run still going after it loses access). */
export const runCredentialMaxAgeMs = 15 * 60 * 1000;

/** How often at most a process sweeps expired credentials out of the table (when minting). */
const sweepEveryMs = 60_000;

/** Who a valid run credential speaks for. */
export interface RunCredentialHolder {
  userId: string;
  runId: string;
}

export interface RunCredentials {
  /** A new random credential for `userId` in `runId`; only its hash is stored. */
  mint(holder: RunCredentialHolder): Promise<string>;
  /** The holder while the credential is live (not revoked, not expired); undefined otherwise. */
  verify(token: string): Promise<RunCredentialHolder | undefined>;
  /** Ends every credential of the run (called when it finishes). */
  revokeRun(runId: string): Promise<void>;
}

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The short-lived credentials the built-in Flowyard endpoint sends (SPEC §2): bound to the user
 * a run acts as and to that run, stored hashed in the database so that any web instance can
 * verify a credential minted by the worker running the run, revoked (deleted) when the run ends
 * and expiring after at most 15 minutes.
 */
export function createRunCredentials(store: Pick<Store, 'repos'>, options: { now?: () => Date; maxAgeMs?: number } = {}): RunCredentials {
  const now = options.now ?? (() => new Date());
  const maxAgeMs = options.maxAgeMs ?? runCredentialMaxAgeMs;
  const repo = store.repos.runCredentials;
  let sweptAt = Number.NEGATIVE_INFINITY;

  return {
    async mint(holder) {
      const at = now();
      if (at.getTime() - sweptAt >= sweepEveryMs) {
        sweptAt = at.getTime();
        await repo.deleteExpired(at.toISOString());
      }
      const token = `${runCredentialPrefix}${randomBytes(32).toString('base64url')}`;
      await repo.insert({
        tokenHash: hash(token),
        runId: holder.runId,
        userId: holder.userId,
        createdAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + maxAgeMs).toISOString(),
      });
      return token;
    },
    async verify(token) {
      if (!token.startsWith(runCredentialPrefix) || token.length > 200) return undefined;
      const row = await repo.findLive(hash(token), now().toISOString());
      return row && { userId: row.userId, runId: row.runId };
    },
    revokeRun: (runId) => repo.deleteForRun(runId),
  };
}
