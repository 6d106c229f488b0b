import type { InStatement } from '@libsql/client';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Runs batches of write statements, each in one transaction, in order. */
export interface BatchWriter {
  /** Resolves once the batch is committed; rejects (nothing written) when it fails. */
  write(statements: readonly InStatement[]): Promise<void>;
  close(): Promise<void>;
}

export interface WriterThreadOptions {
  url: string;
  synchronous: 'normal' | 'full';
}

// Plain CommonJS, so the thread needs no bundling or TypeScript loader: its own connection to the
// same file (WAL: readers on the main connection are never blocked by it), the same pragmas.
const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { createClient } = require(workerData.clientPath);
const client = createClient({ url: workerData.url, concurrency: 1 });
const ready = (async () => {
  await client.execute('PRAGMA busy_timeout = 5000');
  await client.execute('PRAGMA foreign_keys = ON');
  await client.execute('PRAGMA synchronous = ' + (workerData.synchronous === 'full' ? 'FULL' : 'NORMAL'));
})();
parentPort.on('message', async (message) => {
  try {
    await ready;
    await client.batch(message.statements, 'write');
    parentPort.postMessage({ id: message.id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id: message.id, ok: false, message: String(error && error.message || error), code: error && error.code });
  }
});
`;

interface Pending {
  resolve(): void;
  reject(error: Error): void;
}

/** A write failure from the writer thread, with SQLite's error code when there is one. */
export class WriterThreadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'WriterThreadError';
  }
}

/**
 * A second connection to a file database on its own thread, for the server's steady stream of
 * run records: SQLite's work (statement execution, WAL writes, checkpoints) leaves the event
 * loop, which only builds the statements and hears when they are committed.
 */
export function createWriterThread(options: WriterThreadOptions): BatchWriter {
  const clientPath = createRequire(import.meta.url).resolve('@libsql/client');
  const worker = new Worker(threadSource, { eval: true, workerData: { clientPath, url: options.url, synchronous: options.synchronous } });
  // An idle writer thread must not keep the process alive.
  worker.unref();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failed: Error | null = null;

  const failAll = (error: Error): void => {
    failed = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };

  worker.on('message', (message: { id: number; ok: boolean; message?: string; code?: string }) => {
    const waiter = pending.get(message.id);
    if (waiter === undefined) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve();
    else waiter.reject(new WriterThreadError(message.message ?? 'The write failed', message.code));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`The database writer thread stopped (exit code ${code})`)));

  return {
    write(statements) {
      if (failed !== null) return Promise.reject(failed);
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // Only while a batch is out does the thread keep the process alive (it must land first).
        if (pending.size === 1) worker.ref();
        worker.postMessage({ id, statements });
      }).finally(() => {
        if (pending.size === 0) worker.unref();
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
