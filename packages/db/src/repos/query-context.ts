import type { BatchItem } from 'drizzle-orm/batch';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { Tables } from '../tables';

/**
 * The drizzle handle repositories build their queries with, typed as SQLite's. Only the part of
 * the API both dialects share may be used on it (repos.boundary.test.ts lists what may not): a
 * PostgreSQL store passes its own handle under this type (see pg/query-context.ts).
 */
export type Orm = BaseSQLiteDatabase<'async', unknown, Tables>;

/** An INSERT, UPDATE or DELETE built on an `Orm`, not yet run. */
export type WriteQuery = BatchItem<'sqlite'>;

/** A write with RETURNING: run, it gives `Row[]`. */
export type ReturningQuery<Row> = WriteQuery & PromiseLike<Row[]>;

/** What a repository is built on: the handle, the tables, and the way its writes are run. */
export interface QueryContext {
  orm: Orm;
  t: Tables;
  /**
   * Runs the writes `build` makes (on the handle it is given), in order and atomically: at once
   * outside a unit of work; inside one, when the unit commits (SQLite) or in its transaction
   * (PostgreSQL). Resolves once they are written or, inside a unit, taken in.
   */
  write(build: (orm: Orm) => readonly WriteQuery[]): Promise<void>;
  /**
   * Outside a unit of work only: runs the writes `build` makes at once, atomically, and resolves
   * with the rows the first one returns (a SQLite unit writes at its commit, so it has none to give).
   */
  returning<Row>(build: (orm: Orm) => readonly [ReturningQuery<Row>, ...WriteQuery[]]): Promise<Row[]>;
}

/** The first row of a query, if any. */
export async function first<Row>(rows: PromiseLike<Row[]>): Promise<Row | undefined> {
  return (await rows)[0];
}
