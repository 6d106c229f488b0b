import { describe, expect, it } from 'vitest';
import { createTokenCache, type AccessToken, type SharedToken, type SharedTokens } from './token-cache';
import { tokenKey } from './token-key';

const token = (value: string, expiresAt: number | null = null): AccessToken => ({ value, expiresAt, instanceUrl: null, refreshToken: null });

function clock(start = 1_000_000) {
  let at = start;
  return { now: () => new Date(at), advance: (ms: number) => void (at += ms), at: () => at };
}

describe('token cache', () => {
  it('fetches once for concurrent callers (single flight) and then serves from the cache', async () => {
    const cache = createTokenCache();
    let fetches = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetch = async () => {
      fetches += 1;
      await gate;
      return token(`t${fetches}`);
    };
    const waiting = Array.from({ length: 100 }, () => cache.get('k', fetch));
    release();
    const tokens = await Promise.all(waiting);
    expect(fetches).toBe(1);
    expect(new Set(tokens.map((t) => t.value))).toEqual(new Set(['t1']));
    expect((await cache.get('k', fetch)).value).toBe('t1');
    expect(fetches).toBe(1);
  });

  it('refreshes a token within the skew of its expiry, and half-way through a short life', async () => {
    const time = clock();
    const cache = createTokenCache({ now: time.now, refreshSkewMs: 60_000 });
    let n = 0;
    const fetch = async () => token(`t${++n}`, time.at() + 600_000);
    expect((await cache.get('k', fetch)).value).toBe('t1');
    time.advance(539_000);
    expect((await cache.get('k', fetch)).value).toBe('t1');
    time.advance(2_000); // 59 s left
    expect((await cache.get('k', fetch)).value).toBe('t2');

    // A 30 s token is not refetched on every use: it is refreshed after 15 s.
    const short = async () => token(`s${++n}`, time.at() + 30_000);
    const first = await cache.get('short', short);
    time.advance(14_000);
    expect(await cache.get('short', short)).toBe(first);
    time.advance(2_000);
    expect(await cache.get('short', short)).not.toBe(first);
  });

  it('replaces a rejected token once, and ignores a late rejection of a token already replaced', async () => {
    const cache = createTokenCache();
    const previous: Array<AccessToken | null> = [];
    let n = 0;
    const fetch = async (prev: AccessToken | null) => {
      previous.push(prev);
      return token(`t${++n}`);
    };
    const first = await cache.get('k', fetch);
    cache.reject('k', first);
    const second = await cache.get('k', fetch);
    expect(second.value).toBe('t2');
    expect(previous).toEqual([null, first]);
    cache.reject('k', first); // a request that used t1 got its 401 late
    expect(await cache.get('k', fetch)).toBe(second);
  });

  it('does not cache failures, and every waiter sees the one failure', async () => {
    const cache = createTokenCache();
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error('refused');
    };
    const results = await Promise.allSettled([cache.get('k', failing), cache.get('k', failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    await expect(cache.get('k', failing)).rejects.toThrow('refused');
    expect(calls).toBe(2);
  });

  it('keys change with the credentials and can be forgotten per endpoint', async () => {
    const at = ['https://api.example.com'];
    expect(tokenKey('ep', at, ['u', 'p1'])).not.toBe(tokenKey('ep', at, ['u', 'p2']));
    expect(tokenKey('ep', at, ['u', 'p1'])).toBe(tokenKey('ep', at, ['u', 'p1']));
    expect(tokenKey('ep', at, ['u', 'p1'])).not.toContain('p1');
    const cache = createTokenCache();
    let n = 0;
    const fetch = async () => token(`t${++n}`);
    await cache.get(tokenKey('ep', at, ['a']), fetch);
    cache.forgetEndpoint('ep');
    expect((await cache.get(tokenKey('ep', at, ['a']), fetch)).value).toBe('t2');
  });

  it('keys change with the origins a token comes from or goes to, not with a path there (SPEC §7a)', () => {
    const key = (origins: string[]) => tokenKey('ep', origins, ['u', 'p1']);
    expect(key(['https://idp.example.com/token', 'https://api.example.com/v1'])).toBe(key(['https://IDP.example.com:443/other', 'https://api.example.com/v2']));
    expect(key(['https://idp.example.com/token', 'https://api.example.com'])).not.toBe(key(['https://idp.example.com/token', 'https://evil.example.com']));
    expect(key(['https://idp.example.com/token', 'https://api.example.com'])).not.toBe(key(['https://evil.example.com/token', 'https://api.example.com']));
  });
});

/** SharedTokens in memory: what two processes would share through a database. */
function sharedTokens() {
  const stored = new Map<string, SharedToken>();
  const tails = new Map<string, Promise<unknown>>();
  const shared: SharedTokens = {
    read: async (key) => stored.get(key),
    write: async (key, entry) => void stored.set(key, entry),
    discard: async (key, token) => {
      if (stored.get(key)?.token.value === token.value) stored.delete(key);
    },
    withLock: (key, work) => {
      const result = (tails.get(key) ?? Promise.resolve()).then(work);
      tails.set(key, result.catch(() => undefined));
      return result;
    },
  };
  return { shared, stored };
}

describe('token cache shared between processes', () => {
  it('fetches once for every caller of every process, then each serves from memory', async () => {
    const { shared } = sharedTokens();
    const processes = [createTokenCache({ shared }), createTokenCache({ shared })];
    let fetches = 0;
    const fetch = async () => token(`t${++fetches}`);
    const tokens = await Promise.all(Array.from({ length: 100 }, (_, i) => processes[i % 2]!.get('k', fetch)));
    expect(fetches).toBe(1);
    expect(new Set(tokens.map((t) => t.value))).toEqual(new Set(['t1']));
  });

  it('a rejected token is discarded for everyone and replaced once; the newest refresh token is passed on', async () => {
    const time = clock();
    const { shared, stored } = sharedTokens();
    const [a, b] = [createTokenCache({ shared, now: time.now }), createTokenCache({ shared, now: time.now })];
    const previous: (string | null)[] = [];
    let n = 0;
    const fetch = async (before: AccessToken | null) => {
      previous.push(before?.value ?? null);
      n += 1;
      return { ...token(`t${n}`, time.at() + 600_000), refreshToken: `r${n}` };
    };
    const first = await a.get('k', fetch);
    expect((await b.get('k', fetch)).value).toBe('t1');
    a.reject('k', first);
    expect((await a.get('k', fetch)).value).toBe('t2');
    expect(stored.get('k')?.token.value).toBe('t2');
    // b still holds t1 in memory until a target rejects it too; then it takes what a stored.
    b.reject('k', first);
    expect((await b.get('k', fetch)).value).toBe('t2');
    // Due for refresh: whichever process comes first fetches, handing in the stored token.
    time.advance(590_000);
    expect((await b.get('k', fetch)).value).toBe('t3');
    expect((await a.get('k', fetch)).value).toBe('t3');
    expect(previous).toEqual([null, 't1', 't2']);
  });

  it('a token that cannot be stored still serves the process that fetched it', async () => {
    const { shared } = sharedTokens();
    const cache = createTokenCache({ shared: { ...shared, write: () => Promise.reject(new Error('database down')) } });
    expect((await cache.get('k', async () => token('t1'))).value).toBe('t1');
  });
});
