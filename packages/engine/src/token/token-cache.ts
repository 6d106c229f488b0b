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
  /**
   * Where the processes sharing a database share their tokens: a cache missing a token looks
   * there first, and fetches only under the key's lock, so one token request serves every
   * process for the token's lifetime. Without it the cache is this process's alone.
   */
  shared?: SharedTokens;
  /** Told of every token request the cache makes (for metrics). */
  onTokenRequest?: () => void;
}

/** A token with the moment it is to be refreshed (epoch ms; null: only after a rejection). */
export interface SharedToken {
  token: AccessToken;
  refreshAt: number | null;
}

/**
 * The port to tokens kept where every process sees them (the server: encrypted in its database,
 * with an advisory lock per key). Calls may reject when that place cannot be reached.
 */
export interface SharedTokens {
  read(key: string): Promise<SharedToken | undefined>;
  write(key: string, entry: SharedToken): Promise<void>;
  /** Forgets the token stored under `key` if it is still `token` (a target rejected it). */
  discard(key: string, token: AccessToken): Promise<void>;
  /** Runs `work` while no other caller, in this process or another, runs work for `key`. */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
}

interface Entry extends SharedToken {
  rejected: boolean;
}

/** Creates a token cache in memory, backed by `options.shared` when given; the server keeps one per process. */
export function createTokenCache(options: TokenCacheOptions = {}): TokenCache {
  const now = options.now ?? (() => new Date());
  const skew = options.refreshSkewMs ?? 60_000;
  const { shared } = options;
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

  const fetched = async (fetch: TokenFetcher, previous: AccessToken | null): Promise<SharedToken> => {
    options.onTokenRequest?.();
    const token = await fetch(previous);
    return { token, refreshAt: refreshAt(token) };
  };

  // The stored token unless it is due for refresh or is the one this process saw rejected (its
  // discard may not have landed yet); else, under the key's lock, the token another process stored
  // meanwhile, or a new one fetched here and stored for the others.
  const fromShared = async (store: SharedTokens, key: string, entry: Entry | undefined, fetch: TokenFetcher): Promise<SharedToken> => {
    const rejected = entry?.rejected === true ? entry.token.value : undefined;
    const fresh = (stored: SharedToken): boolean => stored.token.value !== rejected && usable({ ...stored, rejected: false });
    const stored = await store.read(key);
    if (stored !== undefined && fresh(stored)) return stored;
    return store.withLock(key, async () => {
      const again = await store.read(key);
      if (again !== undefined && fresh(again)) return again;
      // The newest refresh token is the stored one (providers rotate them).
      const next = await fetched(fetch, again?.token ?? entry?.token ?? null);
      // A token that cannot be shared still serves this process; the others fetch their own.
      await store.write(key, next).catch(() => undefined);
      return next;
    });
  };

  return {
    get(key, fetch) {
      const entry = entries.get(key);
      if (entry !== undefined && usable(entry)) return Promise.resolve(entry.token);
      const pending = inFlight.get(key);
      if (pending !== undefined) return pending;
      const started = (async () => {
        try {
          const next = shared === undefined ? await fetched(fetch, entry?.token ?? null) : await fromShared(shared, key, entry, fetch);
          entries.set(key, { ...next, rejected: false });
          return next.token;
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
      // Not awaited (a 401 retries at once); until it lands, this process skips that token anyway.
      if (shared !== undefined) void shared.discard(key, token).catch(() => undefined);
    },
    forgetEndpoint(endpointId) {
      const prefix = `${endpointId}:`;
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
    },
  };
}
