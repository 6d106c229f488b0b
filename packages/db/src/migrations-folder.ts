import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Finds a dialect's committed migrations folder (`migrations/sqlite`, `migrations/pg`). From
 * source it is `../migrations/<dialect>` beside `src/`; when the server is bundled this code lives
 * in `dist/main.js` and the build copies the folder to `dist/migrations`, so `./migrations/<dialect>`
 * is tried first.
 */
export function resolveMigrationsFolder(explicit: string | undefined, dialect: 'sqlite' | 'pg'): string {
  const folder = `migrations/${dialect}`;
  const candidates = explicit
    ? [explicit]
    : [new URL(`./${folder}`, import.meta.url), new URL(`../${folder}`, import.meta.url)].map((url) => fileURLToPath(url));
  const found = candidates.find((dir) => existsSync(`${dir}/meta/_journal.json`));
  if (!found) throw new Error(`Database migrations not found (looked in ${candidates.join(', ')})`);
  return found;
}
