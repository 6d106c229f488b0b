import { drizzle } from 'drizzle-orm/node-postgres';
import type { Pool } from 'pg';
import type { Orm } from '../repos/query-context';
import type { Tables } from '../tables';
import type { TrackedGenerations } from '../write-generations';
import { advisoryXactLock } from './advisory-lock';
import { pgQueryHandles } from './query-context';
import { trackWrites } from './tracked-client';
import { announceTables } from './write-generations';

/** Runs `work` in a transaction of its own (see pgTransactions). */
export type InTransaction = <T>(options: { unitLock: boolean }, work: (handles: { orm: Orm; t: Tables }) => Promise<T>) => Promise<T>;

/**
 * Transactions on pooled connections that keep the store's write generations current: the tables
 * written are announced to the other stores inside the transaction (NOTIFY is delivered on
 * commit), and bumped here once it has ended. With `unitLock`, the transaction first waits for
 * the database-wide lock of units of work.
 */
export function pgTransactions(pool: Pool, generations: TrackedGenerations, instanceId: string): InTransaction {
  return async (options, work) => {
    const client = await pool.connect();
    const written = new Set<string>();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      if (options.unitLock) await advisoryXactLock(client, 'unitsOfWork');
      const result = await work(pgQueryHandles(drizzle({ client: trackWrites(client, (table) => written.add(table)) })));
      await announceTables(client, written, instanceId);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // The connection is gone or unusable: the pool must not lend it out again.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      client.release(broken);
      // Whether it committed or not, anything read before now may be stale.
      generations.bump(written);
    }
  };
}
