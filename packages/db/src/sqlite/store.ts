import type { Client } from '@libsql/client';
import { createLocalLocks } from '../named-locks';
import type { Store } from '../store';
import { createDb, type CreateDbOptions } from './open';
import { sqliteRepos } from './query-context';
import { sqliteRunRecordSink } from './run-record-sink';
import { sqliteUnitOfWork } from './unit-of-work';

/** A store on SQLite, with its connection for tests and tools. */
export interface SqliteStore extends Store {
  readonly dialect: 'sqlite';
  readonly client: Client;
}

/** Opens (and migrates) the SQLite database at `url` (`file:…` or `:memory:`) as a store. */
export async function openSqliteStore(url: string, options: CreateDbOptions = {}): Promise<SqliteStore> {
  const db = await createDb(url, options);
  return {
    dialect: 'sqlite',
    repos: sqliteRepos(db),
    unitOfWork: sqliteUnitOfWork(db),
    runRecords: sqliteRunRecordSink(db),
    generations: db.generations,
    locks: createLocalLocks(),
    client: db.client,
    close: () => db.close(),
  };
}
