/** Failed sign-ins allowed per email within the window before further tries are refused. */
export const maxFailedSignIns = 5;
export const signInWindowMs = 15 * 60_000;

interface Failures {
  count: number;
  firstAt: number;
}

/**
 * Slows password guessing per email, in memory (a restart forgets it; good enough for
 * a single-process server). A success clears the email's failures.
 */
export function createSignInLimiter(now: () => Date) {
  const failures = new Map<string, Failures>();

  const current = (email: string): Failures | undefined => {
    const entry = failures.get(email);
    if (entry && now().getTime() - entry.firstAt >= signInWindowMs) {
      failures.delete(email);
      return undefined;
    }
    return entry;
  };

  return {
    /** Seconds until `email` may try again, or 0 when it may try now. */
    retryAfterSeconds(email: string): number {
      const entry = current(email);
      if (!entry || entry.count < maxFailedSignIns) return 0;
      return Math.max(1, Math.ceil((entry.firstAt + signInWindowMs - now().getTime()) / 1000));
    },
    failed(email: string): void {
      // Guessing across many emails must not grow the map without bound.
      if (failures.size >= 10_000) for (const key of [...failures.keys()]) current(key);
      const entry = current(email);
      if (entry) entry.count += 1;
      else failures.set(email, { count: 1, firstAt: now().getTime() });
    },
    succeeded(email: string): void {
      failures.delete(email);
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;
