import { mkdirSync, statSync } from 'node:fs';

/** The data folder holds the database and the secret key: its owner alone may list or enter it. */
export const dataDirMode = 0o700;

/**
 * Creates the data folder (mode 0700) when it is missing. An existing folder keeps its mode (it
 * may be shared on purpose, e.g. with a backup group); the answer says when others can enter it,
 * so start-up can warn. The files in it are 0600 either way.
 */
export function prepareDataDir(dir: string): { openToOthers: boolean } {
  mkdirSync(dir, { recursive: true, mode: dataDirMode });
  return { openToOthers: (statSync(dir).mode & 0o077) !== 0 };
}
