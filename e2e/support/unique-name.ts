/** A name no other test (or earlier run against the same server) uses: "<prefix> <random>". */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36).slice(-4)}${Math.random().toString(36).slice(2, 6)}`;
}
