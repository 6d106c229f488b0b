import { isIP } from 'node:net';

/** How failed sign-ins slow further tries down (never a lock-out for everyone). */
export const signInLimits = {
  /** Failures of one account from one address before its tries there must wait. */
  perAccountAndAddress: 5,
  /** Failures from one address, whatever the emails (password spraying), before its tries must wait. */
  perAddress: 20,
  /** The first wait; each further failure doubles it, up to `maxDelayMs`. */
  firstDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  /** An address or account-and-address with no failure for this long starts afresh. */
  forgetAfterMs: 60 * 60_000,
  /** Entries kept per table: guessing from many addresses must not grow memory without bound. */
  maxEntries: 10_000,
};

interface Failures {
  count: number;
  lastAt: number;
}

/**
 * Slows password guessing, in memory (a restart forgets it; enough for one process). Failures
 * are counted per client address (spraying many emails from one place) and per account and
 * address (guessing one password); past the free tries, each try waits a delay that doubles with
 * every failure. The same account from another address is not slowed, so nobody can lock a
 * real user out by failing on purpose. A success clears that account's failures at that address.
 */
export function createSignInLimiter(now: () => Date) {
  const byAddress = new Map<string, Failures>();
  const byAccount = new Map<string, Failures>();

  const waitMs = (table: Map<string, Failures>, key: string, free: number, at: number): number => {
    const entry = table.get(key);
    if (entry === undefined || entry.count < free) return 0;
    const delay = Math.min(signInLimits.maxDelayMs, signInLimits.firstDelayMs * 2 ** (entry.count - free));
    return Math.max(0, entry.lastAt + delay - at);
  };

  const fail = (table: Map<string, Failures>, key: string, at: number): void => {
    const entry = table.get(key);
    const fresh = entry === undefined || at - entry.lastAt >= signInLimits.forgetAfterMs;
    // Re-inserted, so the Map's order is by last failure and the first entry is the stalest.
    table.delete(key);
    if (table.size >= signInLimits.maxEntries) prune(table, at);
    table.set(key, { count: fresh ? 1 : entry.count + 1, lastAt: at });
  };

  return {
    /** Seconds until a sign-in to `email` from `address` may be tried, or 0 when it may be tried now. */
    retryAfterSeconds(email: string, address: string): number {
      const at = now().getTime();
      const group = addressGroup(address);
      const wait = Math.max(waitMs(byAddress, group, signInLimits.perAddress, at), waitMs(byAccount, accountKey(email, group), signInLimits.perAccountAndAddress, at));
      return wait === 0 ? 0 : Math.ceil(wait / 1000);
    },
    failed(email: string, address: string): void {
      const at = now().getTime();
      const group = addressGroup(address);
      fail(byAddress, group, at);
      fail(byAccount, accountKey(email, group), at);
    },
    /** Entries held (both tables), for tests of the memory bound. */
    size: (): number => byAddress.size + byAccount.size,
    /** Clears the account's failures at that address; the address's own count stays (one good account must not reset a spray). */
    succeeded(email: string, address: string): void {
      byAccount.delete(accountKey(email, addressGroup(address)));
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

function accountKey(email: string, group: string): string {
  return `${email.toLowerCase()}\n${group}`;
}

/** Drops entries past `forgetAfterMs`, then the stalest ones while the table is still full. */
function prune(table: Map<string, Failures>, at: number): void {
  for (const [key, entry] of table) if (at - entry.lastAt >= signInLimits.forgetAfterMs) table.delete(key);
  for (const key of table.keys()) {
    if (table.size < signInLimits.maxEntries) break;
    table.delete(key);
  }
}

/**
 * What counts as one client: an IPv4 address, or an IPv6 address's /64 network (one host is
 * routinely handed a whole /64, so counting single IPv6 addresses would be no limit at all).
 */
export function addressGroup(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.toLowerCase().split('%')[0]?.split('::') ?? [''];
  const front = head === '' ? [] : head.split(':');
  const back = tail === undefined || tail === '' ? [] : tail.split(':');
  // An embedded IPv4 tail (::ffff:1.2.3.4) is two groups; only the first four groups matter here anyway.
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
