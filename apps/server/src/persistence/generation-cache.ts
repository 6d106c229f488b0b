import type { WriteGenerations } from '@flowyard/db';

export interface GenerationCache<K, V> {
  /** The value for `key`: cached while none of the tables was written since it was read, else loaded. */
  get(key: K): Promise<V>;
  /** Forgets everything (tests; after a change the generations cannot see). */
  clear(): void;
}

interface Entry<V> {
  generation: number;
  value: Promise<V>;
}

/**
 * A read-through cache of rows this process reads on every run or request (a flow, an endpoint,
 * an API key's user), current by construction: an entry is stamped with its tables' write
 * generation taken before the read, and any write to those tables (or a cascade into them) makes
 * it stale. Concurrent misses of one key share one load; failures are not kept. At most
 * `maxEntries` keys are kept, the oldest dropped first.
 */
export function createGenerationCache<K, V>(generations: WriteGenerations, tables: readonly string[], load: (key: K) => Promise<V>, maxEntries = 1000): GenerationCache<K, V> {
  const entries = new Map<K, Entry<V>>();
  const generation = (): number => {
    let sum = 0;
    for (const table of tables) sum += generations.of(table);
    return sum;
  };

  return {
    get(key) {
      const current = generation();
      const entry = entries.get(key);
      if (entry !== undefined && entry.generation === current) return entry.value;
      const value = load(key);
      const fresh: Entry<V> = { generation: current, value };
      entries.delete(key);
      entries.set(key, fresh);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      value.catch(() => {
        if (entries.get(key) === fresh) entries.delete(key);
      });
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
