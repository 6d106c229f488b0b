import { randomBytes } from 'node:crypto';

/** A Connect in progress: which endpoint, for whom, and what only the server may know (the PKCE verifier). */
export interface PendingConnect {
  endpointId: string;
  userId: string;
  type: 'slack' | 'msgraph';
  /** Graph only: the PKCE code verifier; '' for Slack. */
  codeVerifier: string;
  /** The endpoint's base URL origin when Connect started: the tokens are bound to it (SPEC §7a). */
  baseOrigin: string;
  expiresAt: number;
}

/** How long a popup has to come back (the provider's page may ask for a sign-in first). */
export const connectStateTtlMs = 10 * 60_000;

/**
 * The `state` values handed to providers: random, bound to an endpoint and a user, usable once,
 * expiring after ten minutes. Kept in memory: a restart simply means clicking Connect again.
 */
export function createConnectStates(now: () => Date) {
  const pending = new Map<string, PendingConnect>();
  const sweep = (): void => {
    const at = now().getTime();
    for (const [state, entry] of pending) if (entry.expiresAt <= at) pending.delete(state);
  };
  return {
    create(entry: Omit<PendingConnect, 'expiresAt'>): string {
      sweep();
      const state = randomBytes(32).toString('base64url');
      pending.set(state, { ...entry, expiresAt: now().getTime() + connectStateTtlMs });
      return state;
    },
    /** The pending Connect for `state`, removed so it cannot be used twice; undefined when unknown or expired. */
    take(state: string): PendingConnect | undefined {
      const entry = pending.get(state);
      pending.delete(state);
      if (entry === undefined || entry.expiresAt <= now().getTime()) return undefined;
      return entry;
    },
  };
}

export type ConnectStates = ReturnType<typeof createConnectStates>;
