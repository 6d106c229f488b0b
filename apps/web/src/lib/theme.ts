import { useSyncExternalStore } from 'react';

/** What the person chose in the account menu; `system` follows the operating system. */
export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const themePreferences: readonly ThemePreference[] = ['system', 'light', 'dark'];
const STORAGE_KEY = 'flowyard.theme';
const darkQuery = '(prefers-color-scheme: dark)';

function isPreference(value: string | null): value is ThemePreference {
  return value === 'system' || value === 'light' || value === 'dark';
}

export function readThemePreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isPreference(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

/** The theme a preference means right now. */
export function resolveTheme(preference: ThemePreference, systemDark: boolean): Theme {
  return preference === 'system' ? (systemDark ? 'dark' : 'light') : preference;
}

const listeners = new Set<() => void>();

function currentTheme(): Theme {
  return resolveTheme(readThemePreference(), window.matchMedia(darkQuery).matches);
}

/** Puts the theme on <html> (`dark` class, see styles.css); called at start and on every change. */
export function applyTheme(): void {
  document.documentElement.classList.toggle('dark', currentTheme() === 'dark');
  for (const listener of listeners) listener();
}

/** Remembers the choice in this browser and applies it at once. */
export function setThemePreference(preference: ThemePreference): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyTheme();
}

/** Follows the system's light/dark setting while the preference is `system`. */
export function watchSystemTheme(): () => void {
  const media = window.matchMedia(darkQuery);
  media.addEventListener('change', applyTheme);
  return () => media.removeEventListener('change', applyTheme);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The preference and the theme it resolves to, re-rendering when either changes. */
export function useTheme(): { preference: ThemePreference; theme: Theme } {
  const preference = useSyncExternalStore(subscribe, readThemePreference);
  const theme = useSyncExternalStore(subscribe, currentTheme);
  return { preference, theme };
}
