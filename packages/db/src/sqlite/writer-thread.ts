import type { InStatement, InValue } from '@libsql/client';
import { createRequire } from 'node:module';
import { databasePath } from './database-path';
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
// same file (WAL: readers on the main connection are never blocked by it), the same pragmas. It
// talks to SQLite through libsql's synchronous binding (the driver under @libsql/client) with
// statements prepared once and kept: run records repeat a handful of statements endlessly, and
// preparing each one again per batch cost more than running it.
const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.libsqlPath);
const db = new Database(workerData.path);
db.exec('PRAGMA busy_timeout = 5000');
db.exec('PRAGMA foreign_keys = ON');
db.exec('PRAGMA synchronous = ' + (workerData.synchronous === 'full' ? 'FULL' : 'NORMAL'));
const prepared = new Map();
const statement = (sql) => {
  let found = prepared.get(sql);
  if (found === undefined) {
    found = db.prepare(sql);
    // Statements built per batch (a varying number of rows) must not pile up.
    if (prepared.size >= 256) prepared.delete(prepared.keys().next().value);
    prepared.set(sql, found);
  }
  return found;
};
const value = (v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v instanceof Date ? v.getTime() : v instanceof ArrayBuffer ? Buffer.from(v) : v);
parentPort.on('message', (message) => {
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const group of message.groups) {
        const stmt = statement(group.sql);
        for (const args of group.argsList) stmt.run(args.map(value));
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
    parentPort.postMessage({ id: message.id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id: message.id, ok: false, message: String((error && error.message) || error), code: error && error.code });
  }
});
`;

/** Consecutive statements with the same SQL travel as one group: the text crosses the thread once. */
interface StatementGroup {
  sql: string;
  argsList: InValue[][];
}

function grouped(statements: readonly InStatement[]): StatementGroup[] {
  const groups: StatementGroup[] = [];
  let last: StatementGroup | undefined;
  for (const statement of statements) {
    const sql = typeof statement === 'string' ? statement : statement.sql;
    const args = typeof statement === 'string' || statement.args === undefined ? [] : statement.args;
    if (!Array.isArray(args)) throw new TypeError('The writer thread takes positional arguments only');
    if (last?.sql === sql) last.argsList.push(args);
    else groups.push((last = { sql, argsList: [args] }));
  }
  return groups;
}

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
  // libsql is @libsql/client's own driver: resolved from there, it is the very build the client uses.
  const clientPath = createRequire(import.meta.url).resolve('@libsql/client');
  const libsqlPath = createRequire(clientPath).resolve('libsql');
  // Its garbage is short-lived messages: a small young generation keeps its memory small too.
  const worker = new Worker(threadSource, {
    eval: true,
    workerData: { libsqlPath, path: databasePath(options.url), synchronous: options.synchronous },
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
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
        worker.postMessage({ id, groups: grouped(statements) });
      }).finally(() => {
        if (pending.size === 0) worker.unref();
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** The file path of a `file:` URL (or a plain path), as the synchronous binding opens it. */
