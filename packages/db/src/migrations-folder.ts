import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Finds the committed migrations folder (`subfolder` names a dialect's own, e.g. `pg`). From
 * source it is `../migrations` beside `src/`; when the server is bundled this code lives in
 * `dist/main.js` and the build copies the folder to `dist/migrations`, so `./migrations` is
 * tried first.
 */
export function resolveMigrationsFolder(explicit?: string, subfolder?: string): string {
  const folder = subfolder === undefined ? 'migrations' : `migrations/${subfolder}`;
  const candidates = explicit
    ? [explicit]
    : [new URL(`./${folder}`, import.meta.url), new URL(`../${folder}`, import.meta.url)].map((url) => fileURLToPath(url));
  const found = candidates.find((dir) => existsSync(`${dir}/meta/_journal.json`));
  if (!found) throw new Error(`Database migrations not found (looked in ${candidates.join(', ')})`);
  return found;
}
