import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Finds the committed migrations folder. From source it is `../migrations` beside
 * `src/`; when the server is bundled this code lives in `dist/main.js` and the build
 * copies the folder to `dist/migrations`, so `./migrations` is tried first.
 */
export function resolveMigrationsFolder(explicit?: string): string {
  const candidates = explicit
    ? [explicit]
    : [new URL('./migrations', import.meta.url), new URL('../migrations', import.meta.url)].map((url) => fileURLToPath(url));
  const found = candidates.find((dir) => existsSync(`${dir}/meta/_journal.json`));
  if (!found) throw new Error(`Database migrations not found (looked in ${candidates.join(', ')})`);
  return found;
}
