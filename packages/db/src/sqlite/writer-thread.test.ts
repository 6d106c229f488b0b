import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type FlowyardDb } from './open';
import { workflows } from './schema';

const opened: FlowyardDb[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function fileDb(): Promise<FlowyardDb> {
  const dir = mkdtempSync(join(tmpdir(), 'flowyard-writer-'));
  dirs.push(dir);
  const db = await createDb(pathToFileURL(join(dir, 'flowyard.db')).href);
  opened.push(db);
  return db;
}

describe('writeBatch on a file database (writer thread)', () => {
  it('commits a batch the main connection then reads, with foreign keys enforced, in order', async () => {
    const db = await fileDb();
    const before = db.generations.of('workflows');
    await db.writeBatch([
      { sql: 'INSERT INTO workflows (id, name) VALUES (?, ?)', args: ['w1', 'One'] },
      { sql: 'INSERT INTO workflows (id, name) VALUES (?, ?)', args: ['w2', 'Two'] },
    ]);
    expect((await db.orm.select().from(workflows)).map((w) => w.id)).toEqual(['w1', 'w2']);
    expect(db.generations.of('workflows')).toBeGreaterThan(before);

    // Nothing of a failed batch is written.
    await expect(
      db.writeBatch([
        { sql: "INSERT INTO workflows (id, name) VALUES ('w3', 'Three')", args: [] },
        { sql: "INSERT INTO flows (id, workflow_id, name, graph, version, created_at, updated_at) VALUES ('f', 'nope', 'F', '{}', 1, 'x', 'x')", args: [] },
      ]),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect((await db.orm.select().from(workflows)).map((w) => w.id)).toEqual(['w1', 'w2']);

    const writes = Array.from({ length: 20 }, (_, i) => db.writeBatch([{ sql: 'UPDATE workflows SET name = ? WHERE id = ?', args: [`n${i}`, 'w1'] }]));
    await Promise.all(writes);
    expect((await db.orm.select().from(workflows)).find((w) => w.id === 'w1')?.name).toBe('n19');
  });
});
