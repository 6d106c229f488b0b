/** An access token as the auth strategies use it. */
export interface AccessToken {
  value: string;
  /** Epoch milliseconds; null when the issuer gave no lifetime (then it is used until a 401). */
  expiresAt: number | null;
  /** Salesforce: the instance the token belongs to, which requests must go to; null elsewhere. */
  instanceUrl: string | null;
  /** Microsoft Graph: the refresh token to use next (providers rotate them); null elsewhere. */
  refreshToken: string | null;
}

/** Fetches a new token; `previous` is the one being replaced (expired or rejected), if any. */
export type TokenFetcher = (previous: AccessToken | null) => Promise<AccessToken>;

/**
 * Tokens per endpoint, shared by every run, step, script and Test button of a process.
 * Keys combine the endpoint id with a fingerprint of its credentials (see `tokenKey`), so
 * editing the credentials starts afresh.
 */
export interface TokenCache {
  /**
   * The cached token unless it expires within the skew or was rejected; otherwise one
   * fetch shared by every caller waiting at that moment (single flight). Failures are not cached.
   */
  get(key: string, fetch: TokenFetcher): Promise<AccessToken>;
  /**
   * Marks `token` as rejected (the target answered 401), so the next `get` fetches a new one.
   * A token that was already replaced is left alone: a late 401 never discards a fresh token.
   */
  reject(key: string, token: AccessToken): void;
  /** Forgets every token of an endpoint (after it was edited or deleted). */
  forgetEndpoint(endpointId: string): void;
}

export interface TokenCacheOptions {
  now?: () => Date;
  /** Tokens expiring within this many milliseconds are refreshed before use (default 60 s). */
  refreshSkewMs?: number;
}

interface Entry {
  token: AccessToken;
  /** Epoch ms after which the token is refreshed before use; null: only after a rejection. */
  refreshAt: number | null;
  rejected: boolean;
}

/** Creates an in-memory token cache; the server keeps one per process. */
export function createTokenCache(options: TokenCacheOptions = {}): TokenCache {
  const now = options.now ?? (() => new Date());
  const skew = options.refreshSkewMs ?? 60_000;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<AccessToken>>();

  const usable = (entry: Entry | undefined): boolean =>
    entry !== undefined && !entry.rejected && (entry.refreshAt === null || now().getTime() < entry.refreshAt);

  // A token living shorter than twice the skew is refreshed half-way through its life instead.
  const refreshAt = (token: AccessToken): number | null => {
    if (token.expiresAt === null) return null;
    const fetchedAt = now().getTime();
    return token.expiresAt - Math.min(skew, Math.max(0, token.expiresAt - fetchedAt) / 2);
  };

  return {
    get(key, fetch) {
      const entry = entries.get(key);
      if (entry !== undefined && usable(entry)) return Promise.resolve(entry.token);
      const pending = inFlight.get(key);
      if (pending !== undefined) return pending;
      const started = (async () => {
        try {
          const token = await fetch(entry?.token ?? null);
          entries.set(key, { token, refreshAt: refreshAt(token), rejected: false });
          return token;
        } finally {
          inFlight.delete(key);
        }
      })();
      inFlight.set(key, started);
      return started;
    },
    reject(key, token) {
      const entry = entries.get(key);
      if (entry !== undefined && entry.token === token) entry.rejected = true;
    },
    forgetEndpoint(endpointId) {
      const prefix = `${endpointId}:`;
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
    },
  };
}
