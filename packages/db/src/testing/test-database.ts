import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dialect, Store } from '../store';
import { openPgStore } from '../pg/store';
import { openSqliteStore } from '../sqlite/store';
import { acquirePgTestDatabase, releasePgTestDatabase } from './pg-database-pool';
import type { PgTestDatabase } from './pg-test-database';
import { pgTestSql, sqliteTestSql, type TestSql } from './test-sql';

/** A store a test opened, with raw SQL on the same database. */
export interface TestStore {
  store: Store;
  sql: TestSql;
}

/**
 * A database of a test's own, on the dialect FLOWYARD_TEST_DB names (`sqlite`, the default, or
 * `postgres`: a copy of the migrated template, see pg-database-pool.ts).
 */
export interface TestDatabase {
  readonly dialect: Dialect;
  /** Opens a store on it (again: a restarted server, or a second instance on PostgreSQL). */
  open(): Promise<TestStore>;
  /** Gets rid of the database; close its stores first. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** The dialect, whatever FLOWYARD_TEST_DB says (the dialects' own tests). */
  dialect?: Dialect;
  /** SQLite at this URL whatever FLOWYARD_TEST_DB says (tests of SQLite's own files). */
  sqliteUrl?: string;
  /** SQLite in a temporary file rather than in memory, so it can be opened again (PostgreSQL always can). */
  reopenable?: boolean;
}

/** The dialect the tests run on: FLOWYARD_TEST_DB (`sqlite` unless it says `postgres`). */
export function testDialect(): Dialect {
  const chosen = process.env.FLOWYARD_TEST_DB ?? 'sqlite';
  if (chosen !== 'sqlite' && chosen !== 'postgres') throw new Error(`FLOWYARD_TEST_DB must be sqlite or postgres, not ${chosen}`);
  return chosen;
}

/** A fresh, migrated database for a test. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (options.sqliteUrl !== undefined) return sqliteDatabase(options.sqliteUrl, () => undefined);
  if ((options.dialect ?? testDialect()) === 'postgres') return pgDatabase(await acquirePgTestDatabase());
  if (options.reopenable !== true) return sqliteDatabase(':memory:', () => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'flowyard-test-'));
  return sqliteDatabase(pathToFileURL(join(dir, 'flowyard.db')).href, () => rmSync(dir, { recursive: true, force: true }));
}

/** A store on a fresh database, which its `close()` drops. */
export async function openTestStore(options: TestDatabaseOptions = {}): Promise<TestStore> {
  const database = await createTestDatabase(options);
  const opened = await database.open();
  const close = opened.store.close.bind(opened.store);
  return {
    store: Object.assign(opened.store, {
      async close() {
        await close();
        await database.drop();
      },
    }),
    sql: opened.sql,
  };
}

function pgDatabase(database: PgTestDatabase): TestDatabase {
  return {
    dialect: 'postgres',
    async open() {
      const store = await openPgStore(database.url, { maxConnections: 4, applicationName: 'flowyard-tests' });
      return { store, sql: pgTestSql(store.pool) };
    },
    drop: async () => releasePgTestDatabase(database),
  };
}

function sqliteDatabase(url: string, remove: () => void): TestDatabase {
  const inMemory = url.includes(':memory:');
  let opened = false;
  return {
    dialect: 'sqlite',
    async open() {
      // Each opening of :memory: is another, empty database.
      if (inMemory && opened) throw new Error('An in-memory test database opens once; ask for a reopenable one');
      opened = true;
      const store = await openSqliteStore(url);
      return { store, sql: sqliteTestSql(store.client) };
    },
    drop: async () => remove(),
  };
}
