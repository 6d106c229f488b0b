import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type FlowyardDb } from './open';
import { endpoints, flows, workflows } from './schema';

const opened: FlowyardDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function open(): Promise<FlowyardDb> {
  const db = await createDb(':memory:');
  opened.push(db);
  return db;
}

const now = '2024-01-01T00:00:00.000Z';

describe('write generations', () => {
  it('move for the table an ORM or raw write names, once it has run, and not for reads', async () => {
    const db = await open();
    const before = { workflows: db.generations.of('workflows'), flows: db.generations.of('flows'), users: db.generations.of('users') };
    await db.orm.insert(workflows).values({ id: 'w1', name: 'Default' });
    expect(db.generations.of('workflows')).toBeGreaterThan(before.workflows);
    const afterInsert = db.generations.of('flows');

    await db.orm.select().from(flows);
    await db.client.execute('SELECT * FROM workflows');
    expect(db.generations.of('flows')).toBe(afterInsert);

    await db.client.batch([{ sql: "INSERT INTO flows (id, workflow_id, name, graph, version, created_at, updated_at) VALUES ('f1', 'w1', 'F', '{}', 1, 'x', 'x')", args: [] }], 'write');
    expect(db.generations.of('flows')).toBeGreaterThan(afterInsert);
    // Tables it does not name or cascade to stay put.
    expect(db.generations.of('users')).toBe(before.users);
  });

  it('move for the tables a delete cascades to', async () => {
    const db = await open();
    await db.orm.insert(workflows).values({ id: 'w1', name: 'Default' });
    await db.orm.insert(endpoints).values({ id: 'e1', workflowId: 'w1', name: 'A', nameKey: 'a', baseUrl: 'http://a', authType: 'none', authConfig: {}, createdAt: now, updatedAt: now });
    const endpointsBefore = db.generations.of('endpoints');
    const runsBefore = db.generations.of('runs');
    await db.client.execute("DELETE FROM workflows WHERE id = 'w1'");
    expect(db.generations.of('endpoints')).toBeGreaterThan(endpointsBefore);
    // workflows → flows → runs → run_steps, all by cascade.
    expect(db.generations.of('runs')).toBeGreaterThan(runsBefore);
  });

  it('move even when the write fails (nothing stale can be kept by a failed write)', async () => {
    const db = await open();
    const before = db.generations.of('endpoints');
    await expect(db.client.execute("INSERT INTO endpoints (id) VALUES ('x')")).rejects.toThrow();
    expect(db.generations.of('endpoints')).toBeGreaterThan(before);
  });
});
