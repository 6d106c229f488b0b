import type { SignInFailureRow, Store } from '@flowyard/db';
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
  /** Counters kept (of each kind, about): guessing from many addresses must not grow the table without bound. */
  maxEntries: 10_000,
};

/** How often at most one instance sweeps the table: after this long, or this many failures it counted. */
const pruneEveryMs = 60_000;
const pruneEveryFailures = 1_000;

/**
 * Slows password guessing, with the counters in the database, so every instance of the server
 * counts the same failures. Failures are counted per client address (spraying many emails from
 * one place) and per account and address (guessing one password); past the free tries, each try
 * waits a delay that doubles with every failure. The same account from another address is not
 * slowed, so nobody can lock a real user out by failing on purpose. A success clears that
 * account's failures at that address. The table keeps at most twice `maxEntries` counters (swept
 * now and then), dropping the stalest first.
 */
export function createSignInLimiter(store: Pick<Store, 'repos'>, now: () => Date, limits: typeof signInLimits = signInLimits) {
  const repo = store.repos.signInFailures;
  let prunedAt = Number.NEGATIVE_INFINITY;
  let failuresSincePrune = 0;

  const waitMs = (row: SignInFailureRow | undefined, free: number, at: number): number => {
    if (row === undefined) return 0;
    const lastAt = Date.parse(row.lastFailureAt);
    if (at - lastAt >= limits.forgetAfterMs || row.failures < free) return 0;
    const delay = Math.min(limits.maxDelayMs, limits.firstDelayMs * 2 ** (row.failures - free));
    return Math.max(0, lastAt + delay - at);
  };

  return {
    /** Seconds until a sign-in to `email` from `address` may be tried, or 0 when it may be tried now. */
    async retryAfterSeconds(email: string, address: string): Promise<number> {
      const at = now().getTime();
      const group = addressGroup(address);
      const [byAddress, byAccount] = [addressKey(group), accountKey(email, group)];
      const rows = new Map((await repo.getMany([byAddress, byAccount])).map((row) => [row.key, row]));
      const wait = Math.max(waitMs(rows.get(byAddress), limits.perAddress, at), waitMs(rows.get(byAccount), limits.perAccountAndAddress, at));
      return wait === 0 ? 0 : Math.ceil(wait / 1000);
    },
    async failed(email: string, address: string): Promise<void> {
      const at = now().getTime();
      const group = addressGroup(address);
      const freshSince = new Date(at - limits.forgetAfterMs).toISOString();
      const atIso = new Date(at).toISOString();
      await repo.recordFailure(addressKey(group), atIso, freshSince);
      await repo.recordFailure(accountKey(email, group), atIso, freshSince);
      failuresSincePrune += 1;
      if (at - prunedAt >= pruneEveryMs || failuresSincePrune >= pruneEveryFailures) {
        prunedAt = at;
        failuresSincePrune = 0;
        await repo.prune(freshSince, 2 * limits.maxEntries);
      }
    },
    /** Clears the account's failures at that address; the address's own count stays (one good account must not reset a spray). */
    async succeeded(email: string, address: string): Promise<void> {
      await repo.delete(accountKey(email, addressGroup(address)));
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

// One table holds both kinds of counter; the prefixes keep an address from meeting an account.
function addressKey(group: string): string {
  return `address\n${group}`;
}

function accountKey(email: string, group: string): string {
  return `account\n${email.toLowerCase()}\n${group}`;
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
