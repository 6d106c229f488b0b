import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveMigrationsFolder } from '../migrations-folder';
import { createPgTestDatabase, type PgTestDatabase } from '../testing/pg-test-database';
import { runListQuery } from '../repos/runs';
import { openPg, type FlowyardPg } from './open';
import { pgQueryHandles } from './query-context';
import * as schema from './schema';
import { flows, runs, runSteps, users, workflows } from './schema';

const opened: FlowyardPg[] = [];
const databases: PgTestDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});
afterAll(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
});

async function freshDatabase(migrated: boolean): Promise<PgTestDatabase> {
  const database = await createPgTestDatabase({ migrated });
  databases.push(database);
  return database;
}

async function open(url: string): Promise<FlowyardPg> {
  const db = await openPg(url, { maxConnections: 2 });
  opened.push(db);
  return db;
}

const schemaTables = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => getTableName(table))
  .sort();

const journal: { entries: unknown[] } = JSON.parse(readFileSync(join(resolveMigrationsFolder(undefined, 'pg'), 'meta/_journal.json'), 'utf8'));

async function publicTables(db: FlowyardPg): Promise<string[]> {
  const { rows } = await db.pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((row) => row.table_name);
}

async function appliedMigrations(db: FlowyardPg): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return rows[0]?.n ?? -1;
}

const now = '2024-01-01T00:00:00.000Z';

describe('openPg on a fresh database', () => {
  it('applies the migrations: every table of the schema exists', async () => {
    const db = await open((await freshDatabase(false)).url);
    expect(schemaTables.length).toBeGreaterThan(10);
    expect(await publicTables(db)).toEqual(schemaTables);
    expect(await appliedMigrations(db)).toBe(journal.entries.length);
  });

  it('migrates once when several instances open the same fresh database together', async () => {
    const { url } = await freshDatabase(false);
    const racers = await Promise.all([open(url), open(url), open(url)]);
    for (const db of racers) expect(await publicTables(db)).toEqual(schemaTables);
    expect(await appliedMigrations(racers[0]!)).toBe(journal.entries.length);
  });

  it('reopens without migrating again', async () => {
    const { url } = await freshDatabase(false);
    const first = await open(url);
    await first.orm.insert(workflows).values({ id: 'w1', name: 'Default' });
    const second = await open(url);
    expect(await second.orm.select().from(workflows)).toEqual([{ id: 'w1', name: 'Default' }]);
    expect(await appliedMigrations(second)).toBe(journal.entries.length);
  });
});

describe('the PostgreSQL schema holds what the SQLite one holds', () => {
  let db: FlowyardPg;
  beforeAll(async () => {
    db = await openPg((await freshDatabase(true)).url, { maxConnections: 2 });
  });
  afterAll(async () => {
    await db?.close();
  });

  async function seedRun(payload: (typeof runs.$inferInsert)['payload']): Promise<string> {
    await db.orm.insert(workflows).values({ id: 'w1', name: 'Default' }).onConflictDoNothing();
    await db.orm.insert(users).values({ id: 'u1', name: 'A', email: 'a@example.com', role: 'admin', createdAt: now }).onConflictDoNothing();
    await db.orm
      .insert(flows)
      .values({ id: 'f1', workflowId: 'w1', name: 'F', graph: { nodes: [], edges: [] }, version: 1, createdAt: now, updatedAt: now })
      .onConflictDoNothing();
    const id = `r${Math.random().toString(36).slice(2)}`;
    await db.orm.insert(runs).values({
      id, flowId: 'f1', workflowId: 'w1', flowVersion: 1, status: 'running', triggerType: 'manual', triggerNodeId: 'n1', userId: 'u1', payload, startedAt: now,
    });
    return id;
  }

  it('keeps JSON as written: key order, \\u0000 and lone surrogates (jsonb would reorder or refuse them)', async () => {
    const payload = { zeta: 1, alpha: 'nul\u0000byte', mid: 'half an emoji \ud83d' };
    const id = await seedRun(payload);
    const [row] = await db.orm.select({ payload: runs.payload }).from(runs).where(eq(runs.id, id));
    expect(JSON.stringify(row?.payload)).toBe(JSON.stringify(payload));
  });

  it('reads booleans, defaults and nullable columns back as SQLite does', async () => {
    await db.orm.insert(users).values({ id: 'u2', name: 'B', email: 'b@example.com', role: 'developer', createdAt: now });
    const [user] = await db.orm.select().from(users).where(eq(users.id, 'u2'));
    expect(user).toEqual({
      id: 'u2', name: 'B', email: 'b@example.com', role: 'developer', passwordHash: null, disabled: false, createdAt: now, updatedAt: null,
    });
    const runId = await seedRun({});
    await db.orm.insert(runSteps).values({
      id: 's1', runId, nodeId: 'n1', stepType: 'http', name: 'Call', status: 'succeeded', startedAt: now, durationMs: 1.25,
      inputs: {}, exchanges: [], logs: [],
    });
    const [step] = await db.orm.select({ durationMs: runSteps.durationMs, outputs: runSteps.outputs }).from(runSteps);
    expect(step).toEqual({ durationMs: 1.25, outputs: null });
  });

  it("serves the Activity panel's pages (the runs repository's query) from runs_flow_started_id_idx without sorting", async () => {
    const client = await db.pool.connect();
    try {
      // On a near-empty table the planner would rightly scan it; forbid that to see what the index serves.
      await client.query('SET enable_seqscan = off');
      for (const after of [undefined, { startedAt: now, id: 'zzzz' }]) {
        const query = runListQuery(pgQueryHandles(db.orm), { flowId: 'f1' }, 51, after).toSQL();
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.sql}`, query.params);
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
        expect(plan).toContain('runs_flow_started_id_idx');
        expect(plan).not.toMatch(/Sort/);
      }
    } finally {
      client.release(true);
    }
  });
});

describe('withPgClient', () => {
  it('lends one session for the whole work and discards it when the work fails', async () => {
    const { url } = await freshDatabase(true);
    const db = await open(url);
    const lockHeld = 'SELECT pg_try_advisory_lock(42) AS locked';
    await expect(
      db.withPgClient(async (client) => {
        expect((await client.query(lockHeld)).rows[0]?.locked).toBe(true);
        // Same session: a session lock taken above is still held here.
        expect((await client.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")).rows[0]?.n).toBe(1);
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    // The failed work's session (and its lock) is gone: any connection can take the lock now.
    const retaken = await db.withPgClient(async (client) => (await client.query(lockHeld)).rows[0]?.locked);
    expect(retaken).toBe(true);
  });
});
