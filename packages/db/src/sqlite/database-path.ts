import { fileURLToPath } from 'node:url';

/** The file behind a libsql URL (`file:/path/x.db`, `file:///path/x.db`); other URLs come back as they are. */
export function databasePath(url: string): string {
  if (!url.startsWith('file:')) return url;
  return url.startsWith('file://') ? fileURLToPath(url) : decodeURIComponent(url.slice('file:'.length));
}

/** Whether `url` names a database that lives only in memory. */
export function isInMemory(url: string): boolean {
  return url.includes(':memory:') || url.includes('mode=memory');
}
