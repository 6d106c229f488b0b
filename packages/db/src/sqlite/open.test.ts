import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type FlowyardDb } from './open';
import { customSteps, endpointRefs, endpoints, flows, scriptEndpointRefs, workflows } from './schema';

const opened: FlowyardDb[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function open(url: string): Promise<FlowyardDb> {
  const db = await createDb(url);
  opened.push(db);
  return db;
}

const now = '2024-01-01T00:00:00.000Z';

describe('createDb', () => {
  it('applies the migrations to an in-memory database', async () => {
    const db = await open(':memory:');
    const tables = await db.client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    expect(tables.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['users', 'workflows', 'endpoints', 'flows', 'endpoint_refs', 'runs', 'run_steps']),
    );
  });

  it('opens a file in WAL mode with foreign keys on, and reopens without re-migrating', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowyard-db-'));
    dirs.push(dir);
    const url = `file:${join(dir, 'test.db')}`;
    const first = await open(url);
    expect((await first.client.execute('PRAGMA journal_mode')).rows[0]?.journal_mode).toBe('wal');
    expect((await first.client.execute('PRAGMA foreign_keys')).rows[0]?.foreign_keys).toBe(1);
    await first.orm.insert(workflows).values({ id: 'w1', name: 'Default' });
    first.close();
    opened.splice(opened.indexOf(first), 1);

    const second = await open(url);
    expect(await second.orm.select().from(workflows)).toEqual([{ id: 'w1', name: 'Default' }]);
  });

  it('creates the database, its -wal and its -shm readable by the owner only (the writer thread’s too), and tightens a looser file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowyard-db-'));
    dirs.push(dir);
    const file = join(dir, 'flowyard.db');
    const db = await open(pathToFileURL(file).href);
    await db.orm.insert(workflows).values({ id: 'w1', name: 'Default' });
    await db.writeBatch([{ sql: 'INSERT INTO workflows (id, name) VALUES (?, ?)', args: ['w2', 'Other'] }]);
    const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);
    expect({ db: modeOf(file), wal: modeOf(`${file}-wal`), shm: modeOf(`${file}-shm`) }).toEqual({ db: '600', wal: '600', shm: '600' });
    db.close();
    opened.splice(opened.indexOf(db), 1);

    // A database left 0644 by an older version is tightened when opened.
    const older = join(dir, 'older.db');
    writeFileSync(older, '');
    chmodSync(older, 0o644);
    await open(`file:${older}`);
    expect(modeOf(older)).toBe('600');
  });

  it('refuses to delete an endpoint still in the usage index', async () => {
    const db = await open(':memory:');
    await db.orm.insert(workflows).values({ id: 'w1', name: 'Default' });
    await db.orm.insert(endpoints).values({
      id: 'e1', workflowId: 'w1', name: 'A', nameKey: 'a', baseUrl: 'http://a', authType: 'none', authConfig: {}, createdAt: now, updatedAt: now,
    });
    await db.orm.insert(flows).values({ id: 'f1', workflowId: 'w1', name: 'F', graph: { nodes: [], edges: [] }, version: 1, createdAt: now, updatedAt: now });
    await db.orm.insert(endpointRefs).values({ endpointId: 'e1', flowId: 'f1', nodeId: 'n1', stepName: 'Call' });
    await expect(db.client.execute("DELETE FROM endpoints WHERE id = 'e1'")).rejects.toThrow(/FOREIGN KEY/);
  });

  it('keeps names unique per workflow by their key', async () => {
    const db = await open(':memory:');
    await db.orm.insert(workflows).values({ id: 'w1', name: 'Default' });
    const row = { workflowId: 'w1', nameKey: 'api', baseUrl: 'http://a', authType: 'none' as const, authConfig: {}, createdAt: now, updatedAt: now };
    await db.orm.insert(endpoints).values({ ...row, id: 'e1', name: 'API' });
    await expect(db.orm.insert(endpoints).values({ ...row, id: 'e2', name: 'api' })).rejects.toThrow();
  });

  it('defaults new columns and drops a custom step\'s script references with it', async () => {
    const db = await open(':memory:');
    await db.orm.insert(workflows).values({ id: 'w1', name: 'Default' });
    await db.orm.insert(endpoints).values({
      id: 'e1', workflowId: 'w1', name: 'A', nameKey: 'a', baseUrl: 'http://a', authType: 'none', authConfig: {}, createdAt: now, updatedAt: now,
    });
    const definition = { name: 'S', description: '', icon: 'code' as const, inputs: [], outputs: [], includeEndpoint: false, endpointType: 'any' as const, endpointLabel: '', script: '', timeoutMs: 10_000 };
    await db.orm.insert(customSteps).values({ id: 's1', workflowId: 'w1', name: 'S', nameKey: 's', definition, createdAt: now, updatedAt: now });
    await db.orm.insert(scriptEndpointRefs).values({ customStepId: 's1', workflowId: 'w1', endpointNameKey: 'a', endpointName: 'A', occurrences: 2 });
    expect((await db.orm.select().from(endpoints))[0]?.needsCredentials).toBe(false);
    expect((await db.orm.select().from(customSteps))[0]?.scriptIndexVersion).toBe(0);
    await db.client.execute("DELETE FROM custom_steps WHERE id = 's1'");
    expect(await db.orm.select().from(scriptEndpointRefs)).toEqual([]);
  });

});
