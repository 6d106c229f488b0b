import { openPgStore } from '@flowyard/db/pg';
import { createPgTestDatabase, testDialect } from '@flowyard/db/testing';
import { describe } from 'vitest';
import { createGraphileRunQueue, graphileRunAdmission } from './graphile-run-queue';
import { defineRunQueueContract, type RunQueueUnderTest } from './run-queue.contract';

/** A fresh database with the queue's schema, per test. */
async function openQueue(): Promise<RunQueueUnderTest> {
  const database = await createPgTestDatabase();
  const store = await openPgStore(database.url, { runAdmission: graphileRunAdmission });
  const queue = await createGraphileRunQueue({ pool: store.pool, withPgClient: store.withPgClient, pollIntervalMs: 200 });
  return {
    queue,
    async close() {
      await queue.close();
      await store.close();
      await database.drop();
    },
  };
}

// In the postgres project only (the queue has no SQLite side).
describe.skipIf(testDialect() !== 'postgres')('graphile-worker', () => defineRunQueueContract('graphile-worker', openQueue));
