import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Pool } from 'pg';
import { createRepos } from '../repos';
import type { QueryContext } from '../repos/query-context';
import type { RunAdmission, Store } from '../store';
import { listen } from './listener';
import { pgNamedLocks } from './named-locks';
import { openPg, type OpenPgOptions } from './open';
import { pgQueryHandles } from './query-context';
import { pgRunRecordSink } from './run-record-sink';
import { trackWrites } from './tracked-client';
import { pgTransactions } from './transactions';
import { pgUnitOfWork } from './unit-of-work';
import { parseTablesNotice, pgWriteGenerations, tablesChannel } from './write-generations';
import type { WithPgClient } from './with-pg-client';

/** A store on PostgreSQL, with its pool for tools, tests and the adapters that need a connection. */
export interface PgStore extends Store {
  readonly dialect: 'postgres';
  /** The store's pool; what runs through `pool.query` is seen by the store's write generations. */
  readonly pool: Pool;
  readonly withPgClient: WithPgClient;
}

/**
 * Opens the PostgreSQL database at `url` as a store: migrates it (see openPg), and listens for
 * the writes of the other stores on it, so caches stay current across processes.
 */
export async function openPgStore(url: string, options: OpenPgOptions & { runAdmission?: RunAdmission } = {}): Promise<PgStore> {
  const db = await openPg(url, options);
  const generations = pgWriteGenerations();
  // Notices of this store's own writes come back too; its generations moved when they committed.
  const instanceId = randomUUID();
  const listener = listen({
    url,
    channel: tablesChannel,
    applicationName: `${options.applicationName ?? 'flowyard'}-listen`,
    onNotification(payload) {
      const notice = parseTablesNotice(payload);
      if (notice === undefined || notice.from === instanceId) return;
      if (notice.tables === 'all') generations.bumpAll();
      else generations.bump(notice.tables);
    },
    // What was written while nobody listened is unknown: every cache must read again.
    onReconnected: () => generations.bumpAll(),
  });
  try {
    await listener.ready;
  } catch (error) {
    await db.close();
    throw error;
  }
  const pool = trackWrites(db.pool, (table) => generations.bump([table]));
  const inTransaction = pgTransactions(db.pool, generations, instanceId);
  const direct = pgQueryHandles(drizzle({ client: pool }));
  const context: QueryContext = {
    ...direct,
    write: (build) =>
      inTransaction({ unitLock: false }, async ({ orm }) => {
        for (const query of build(orm)) await query;
      }),
    returning: (build) =>
      inTransaction({ unitLock: false }, async ({ orm }) => {
        const [first, ...rest] = build(orm);
        const rows = await first;
        for (const query of rest) await query;
        return rows;
      }),
  };
  return {
    dialect: 'postgres',
    repos: createRepos(context),
    unitOfWork: pgUnitOfWork(inTransaction),
    runRecords: pgRunRecordSink(db.pool, generations, options.runAdmission),
    generations,
    locks: pgNamedLocks(db.withPgClient),
    pool,
    withPgClient: db.withPgClient,
    async close() {
      await listener.close();
      await db.close();
    },
  };
}
