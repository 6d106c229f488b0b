// Shared set-up of the canary tests: what they capture (console, API answers) and where they look
// (a file database with its WAL and SHM, never :memory:).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatWithOptions } from 'node:util';
import { vi } from 'vitest';
import { createApp } from '../http/app';
import type { TestApp } from './test-app';

/**
 * Every console line and every server log line (JSON on stdout) from now on, as they would be
 * printed (restored by `vi.restoreAllMocks()`).
 */
export function captureConsole(): string[] {
  const logged: string[] = [];
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(formatWithOptions({ depth: 8 }, ...args)));
  }
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  return logged;
}

/** Keeps every API answer it is handed, for "no secret in any answer" checks. */
export function answerLog(): { record<T>(value: T): T; answers: unknown[] } {
  const answers: unknown[] = [];
  return {
    answers,
    record(value) {
      answers.push(value);
      return value;
    },
  };
}

export interface TempDatabase {
  url: string;
  file: string;
  /** The bytes of the database file and of its -wal and -shm files, those that exist. */
  files(): Array<{ name: string; bytes: Buffer }>;
  remove(): void;
}

/** A SQLite file in a fresh temporary folder. */
export function tempDatabase(prefix: string): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'flowyard.db');
  return {
    url: pathToFileURL(file).href,
    file,
    files: () => [file, `${file}-wal`, `${file}-shm`].filter((name) => existsSync(name)).map((name) => ({ name, bytes: readFileSync(name) })),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Serves `app` on an ephemeral port (Connect callbacks arrive as real requests). */
export async function serveApp(app: TestApp): Promise<{ base: string; close(): Promise<void> }> {
  const server = createApp({ services: app.services, webDist: '/nonexistent' }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const address = server.address();
  return {
    base: address !== null && typeof address === 'object' ? `http://127.0.0.1:${address.port}` : '',
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
