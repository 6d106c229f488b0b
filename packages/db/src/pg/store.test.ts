import { Client } from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { acquirePgTestDatabase, dropTestDatabases, releasePgTestDatabase } from '../testing/pg-database-pool';
import { openPgStore, type PgStore } from './store';
import { announceTables, parseTablesNotice, tablesChannel } from './write-generations';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => dropTestDatabases());

async function opened(): Promise<{ store: PgStore; url: string }> {
  const database = await acquirePgTestDatabase();
  const store = await openPgStore(database.url, { maxConnections: 2, applicationName: 'flowyard-tests' });
  cleanups.push(async () => {
    await store.close();
    releasePgTestDatabase(database);
  });
  return { store, url: database.url };
}

async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every notice on the tables channel of the database at `url`, as it arrives. */
async function overhear(url: string): Promise<string[]> {
  const heard: string[] = [];
  const client = new Client({ connectionString: url });
  await client.connect();
  client.on('notification', (message) => heard.push(message.payload ?? ''));
  await client.query(`LISTEN ${tablesChannel}`);
  cleanups.push(() => client.end());
  return heard;
}

const at = '2024-01-01T00:00:00.000Z';

describe('a PostgreSQL store', () => {
  it('announces the tables a committed write touched, in a tiny notice, never run records and nothing for a unit that failed', async () => {
    const { store, url } = await opened();
    const heard = await overhear(url);
    await store.repos.workflows.insert({ id: 'w1', name: 'Default' });
    await store.repos.users.insert({ id: 'u1', name: 'Ada', email: 'ada@example.com', role: 'admin', passwordHash: null, disabled: false, createdAt: at, updatedAt: null });
    await store.unitOfWork(async (tx) => {
      await tx.repos.flows.insert({ id: 'f1', workflowId: 'w1', name: 'F', graph: { nodes: [], edges: [] }, version: 1, enabled: true, createdAt: at, updatedAt: at });
      await tx.repos.flows.saveGraph({ id: 'f1', expectedVersion: 1, graph: { nodes: [], edges: [] }, version: 2, updatedAt: at }, [], []);
    });
    await expect(
      store.unitOfWork(async (tx) => {
        await tx.repos.constants.insert({ id: 'c1', workflowId: 'w1', name: 'C', nameKey: 'c', value: 'v', createdAt: at, updatedAt: at });
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    await store.runRecords.write({
      runs: [{ id: 'r1', flowId: 'f1', workflowId: 'w1', flowVersion: 2, status: 'running', triggerType: 'manual', triggerNodeId: 't', userId: 'u1', payload: {}, startedAt: at }],
      steps: [],
      runUpdates: [],
    });
    await store.repos.runs.markInterrupted(at, { code: 'RUN_INTERRUPTED', message: 'stopped', details: {} });
    await eventually(() => (heard.length >= 3 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const notices = heard.map((payload) => parseTablesNotice(payload));
    expect(notices.map((notice) => notice?.tables)).toEqual([['workflows'], ['users'], ['custom_step_refs', 'endpoint_refs', 'flows']]);
    expect(new Set(notices.map((notice) => notice?.from)).size).toBe(1);
    expect(Math.max(...heard.map((payload) => payload.length))).toBeLessThan(200);
  });

  it('listens again after losing its connection, and then counts everything as written (it may have missed notices)', async () => {
    const { store, url } = await opened();
    const killer = new Client({ connectionString: url });
    await killer.connect();
    cleanups.push(() => killer.end());
    const before = store.generations.of('flows');
    const { rows } = await killer.query<{ killed: boolean }>(
      "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'flowyard-tests-listen'",
    );
    expect(rows.map((row) => row.killed)).toEqual([true]);
    await eventually(() => (store.generations.of('flows') > before ? true : undefined));
    // Listening again: another process's notice still reaches it.
    const reached = store.generations.of('workflows');
    await killer.query(`SELECT pg_notify('${tablesChannel}', '{"tables":["workflows"],"from":"someone else"}')`);
    await eventually(() => (store.generations.of('workflows') > reached ? true : undefined));
  });
});

describe('table notices', () => {
  it('name every table when the list would not fit in a notice, and are read back only when well formed', async () => {
    const sent: unknown[][] = [];
    const client = { query: async (_text: string, values: unknown[]) => void sent.push(values) };
    await announceTables(client, ['runs', 'run_steps'], 'me');
    expect(sent).toEqual([]);
    await announceTables(client, ['flows', 'runs', 'endpoint_refs'], 'me');
    await announceTables(client, Array.from({ length: 1000 }, (_, i) => `table_${i}`), 'me');
    expect(sent.map((values) => parseTablesNotice(String(values[1])))).toEqual([
      { tables: ['endpoint_refs', 'flows'], from: 'me' },
      { tables: 'all', from: 'me' },
    ]);
    for (const payload of [undefined, '', 'nope', '{}', '{"tables":[1],"from":"x"}', '{"tables":["a"]}']) expect(parseTablesNotice(payload)).toBeUndefined();
  });
});
