import { createClient, type Client, type InStatement } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { databasePath, isInMemory } from './database-path';
import { restrictDatabaseFiles } from './file-modes';
import { resolveMigrationsFolder } from '../migrations-folder';
import * as schema from './schema';
import { trackWrites } from './tracked-client';
import { sqliteWriteGenerations } from './write-generations';
import type { TrackedGenerations } from '../write-generations';
import { createWriterThread, type BatchWriter } from './writer-thread';

export type Schema = typeof schema;
export type Orm = LibSQLDatabase<Schema>;

export interface FlowyardDb {
  orm: Orm;
  client: Client;
  /** Write counters per table, for caches of rows this process reads often (see write-generations.ts). */
  generations: TrackedGenerations;
  /**
   * Runs write statements in one transaction, for high-volume writers (run records): on a file
   * database on a writer thread with its own connection (see writer-thread.ts), in memory on
   * `client`. Resolves once committed.
   */
  writeBatch(statements: readonly InStatement[]): Promise<void>;
  /** Closes the connection and stops the writer thread. */
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** Overrides where the migrations are read from (defaults: see resolveMigrationsFolder). */
  migrationsFolder?: string;
  /**
   * SQLite's `synchronous` for a file database (default `normal`). In WAL mode `normal` makes a
   * commit durable against the process dying (kill -9) without an fsync per commit; `full`
   * fsyncs every commit, so it also survives a power cut or an OS crash, at a disk flush each.
   */
  synchronous?: 'normal' | 'full';
  /** Whether `writeBatch` uses a writer thread for a file database (default true). */
  writerThread?: boolean;
}

/**
 * Opens the database at `url` (`file:/path/flowyard.db` or `:memory:`), applies the
 * committed migrations and returns the drizzle handle.
 */
export async function createDb(url: string, options: CreateDbOptions = {}): Promise<FlowyardDb> {
  // One connection: connection-level pragmas then hold for every statement, an
  // in-memory database is a single connection anyway, and statements queue in the
  // driver instead of blocking the event loop on SQLite's write lock.
  const inMemory = isInMemory(url);
  // Created 0600 before libsql opens it: its -wal and -shm files then get the same mode.
  if (!inMemory) restrictDatabaseFiles(databasePath(url));
  const raw = createClient({ url, concurrency: 1 });
  const generations = sqliteWriteGenerations();
  const client = trackWrites(raw, generations);
  try {
    if (!inMemory) {
      await client.execute('PRAGMA journal_mode = WAL');
      await client.execute(`PRAGMA synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    }
    await client.execute('PRAGMA foreign_keys = ON');
    await client.execute('PRAGMA busy_timeout = 5000');
    const orm = drizzle(client, { schema });
    await migrate(orm, { migrationsFolder: resolveMigrationsFolder(options.migrationsFolder, 'sqlite') });
    let thread: BatchWriter | undefined;
    const writeBatch = async (statements: readonly InStatement[]): Promise<void> => {
      if (inMemory || options.writerThread === false) {
        await client.batch([...statements], 'write');
        return;
      }
      thread ??= createWriterThread({ url, synchronous: options.synchronous ?? 'normal' });
      try {
        await thread.write(statements);
      } finally {
        for (const statement of statements) generations.note(statement);
      }
    };
    return {
      orm,
      client,
      generations,
      writeBatch,
      close: async () => {
        const stopping = thread?.close();
        client.close();
        await stopping;
      },
    };
  } catch (error) {
    client.close();
    throw error;
  }
}
