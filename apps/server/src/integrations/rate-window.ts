/** Whether one more call fits its window; a refusal says whether it is the window's first. */
export type RateTake = { allowed: true } | { allowed: false; firstRefusal: boolean };

/** Per-key counting in one-minute windows: `take` says whether one more call fits, and whether this refusal is the window's first. */
export function createRateWindows(now: () => number, windowMs = 60_000) {
  const windows = new Map<string, { start: number; count: number; refused: number }>();
  return {
    take(key: string, perWindow: number): RateTake {
      const at = now();
      let window = windows.get(key);
      if (window === undefined || at - window.start >= windowMs) {
        window = { start: at, count: 0, refused: 0 };
        windows.set(key, window);
        // Keys of integrations gone quiet must not pile up.
        if (windows.size > 10_000) for (const [other, seen] of windows) if (at - seen.start >= windowMs) windows.delete(other);
      }
      if (window.count < perWindow) {
        window.count += 1;
        return { allowed: true };
      }
      window.refused += 1;
      return { allowed: false, firstRefusal: window.refused === 1 };
    },
  };
}
