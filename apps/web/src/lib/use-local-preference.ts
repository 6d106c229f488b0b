import { useCallback, useState } from 'react';

/**
 * A small preference remembered in this browser (localStorage), such as a panel being hidden.
 * `parse` turns the stored text back into a value, or undefined for anything it does not know.
 */
export function useLocalPreference<T extends string>(key: string, fallback: T, parse: (stored: string) => T | undefined): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = window.localStorage.getItem(key);
      return stored === null ? fallback : (parse(stored) ?? fallback);
    } catch {
      return fallback;
    }
  });
  const update = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Private mode or a full storage: the choice lasts for this page only.
      }
    },
    [key],
  );
  return [value, update];
}
