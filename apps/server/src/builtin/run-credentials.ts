import { createHash, randomBytes } from 'node:crypto';

/** Every run credential starts with this, so that logs and the REST API can tell it from an API key. */
export const runCredentialPrefix = 'fyr_';

/** A run credential outlives neither its run nor this (a run still going after it loses access). */
export const runCredentialMaxAgeMs = 15 * 60 * 1000;

/** Who a valid run credential speaks for. */
export interface RunCredentialHolder {
  userId: string;
  runId: string;
}

export interface RunCredentials {
  /** A new random credential for `userId` in `runId`; only its hash is kept. */
  mint(holder: RunCredentialHolder): string;
  /** The holder while the credential is live (not revoked, not expired); undefined otherwise. */
  verify(token: string): RunCredentialHolder | undefined;
  /** Ends every credential of the run (called when it finishes). */
  revokeRun(runId: string): void;
}

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The short-lived credentials the built-in Flowyard endpoint sends (SPEC §2): bound to the user
 * a run acts as and to that run, kept hashed in memory only (a restart ends every run anyway),
 * revoked when the run ends and expiring after at most 15 minutes.
 */
export function createRunCredentials(options: { now?: () => Date; maxAgeMs?: number } = {}): RunCredentials {
  const now = options.now ?? (() => new Date());
  const maxAgeMs = options.maxAgeMs ?? runCredentialMaxAgeMs;
  const live = new Map<string, RunCredentialHolder & { expiresAt: number }>();

  const sweep = (at: number): void => {
    for (const [key, entry] of live) if (entry.expiresAt <= at) live.delete(key);
  };

  return {
    mint(holder) {
      const at = now().getTime();
      sweep(at);
      const token = `${runCredentialPrefix}${randomBytes(32).toString('base64url')}`;
      live.set(hash(token), { userId: holder.userId, runId: holder.runId, expiresAt: at + maxAgeMs });
      return token;
    },
    verify(token) {
      if (!token.startsWith(runCredentialPrefix)) return undefined;
      const key = hash(token);
      const entry = live.get(key);
      if (entry === undefined) return undefined;
      if (entry.expiresAt <= now().getTime()) {
        live.delete(key);
        return undefined;
      }
      return { userId: entry.userId, runId: entry.runId };
    },
    revokeRun(runId) {
      for (const [key, entry] of live) if (entry.runId === runId) live.delete(key);
    },
  };
}
