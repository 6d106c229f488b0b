import { useLayoutEffect, useState, useSyncExternalStore } from 'react';

/**
 * Values by node id that each node reads for itself. The source is one object for its whole life
 * (a context holding it never changes), and replacing the values wakes only the readers whose own
 * value changed: a new run status or reference problem re-renders that step, not all 300.
 */
export interface KeyedSource<V> {
  get(key: string): V | undefined;
  subscribe(listener: () => void): () => void;
}

export interface WritableKeyedSource<V> extends KeyedSource<V> {
  /** Replaces every value; a value `same` as the one it replaces is kept, so its readers stay asleep. */
  set(values: ReadonlyMap<string, V>): void;
}

export function createKeyedSource<V>(initial: ReadonlyMap<string, V>, same: (a: V, b: V) => boolean = Object.is): WritableKeyedSource<V> {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: (key) => current.get(key),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(values) {
      if (values === current) return;
      const next = new Map<string, V>();
      for (const [key, value] of values) {
        const was = current.get(key);
        next.set(key, was !== undefined && same(was, value) ? was : value);
      }
      current = next;
      for (const listener of listeners) listener();
    },
  };
}

/** One key's value from a source; re-renders only when that value changes. */
export function useKeyedValue<V>(source: KeyedSource<V>, key: string): V | undefined {
  return useSyncExternalStore(source.subscribe, () => source.get(key));
}

/** A source that follows `values` (one source for the component's life; each new map is set before paint). */
export function useKeyedSourceOf<V>(values: ReadonlyMap<string, V>, same?: (a: V, b: V) => boolean): KeyedSource<V> {
  const [source] = useState(() => createKeyedSource(values, same));
  useLayoutEffect(() => source.set(values), [source, values]);
  return source;
}
