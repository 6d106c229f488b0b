import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runListQuery } from '../repos/runs';
import { createDb, type FlowyardDb } from './open';
import { sqliteOrm, sqliteRepos } from './query-context';
import * as schema from './schema';
import { flows, users, workflows } from './schema';

// The Activity panel's run list over a flow with 100,000 runs (and another flow beside it), in a
// file database as the server keeps it: the query must walk the (flow_id, started_at, id) index.
const RUNS = 100_000;
const PER_BATCH = 500;
let dir: string;
let db: FlowyardDb;
const start = Date.parse('2024-01-01T00:00:00.000Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flowyard-runlist-'));
  db = await createDb(pathToFileURL(join(dir, 'flowyard.db')).href);
  await db.orm.insert(workflows).values({ id: 'w1', name: 'Default' });
  await db.orm.insert(users).values({ id: 'u1', name: 'Ada', email: 'ada@example.com', role: 'admin', createdAt: 'x' });
  for (const id of ['busy', 'other']) await db.orm.insert(flows).values({ id, workflowId: 'w1', name: id, graph: { nodes: [], edges: [] }, version: 1, createdAt: 'x', updatedAt: 'x' });
  const columns = "(id, flow_id, flow_version, status, trigger_type, trigger_node_id, user_id, payload, started_at, finished_at, duration_ms)";
  for (let first = 0; first < RUNS + 20_000; first += PER_BATCH) {
    const args: (string | number)[] = [];
    const tuples: string[] = [];
    for (let i = first; i < first + PER_BATCH; i++) {
      // 100,000 runs of "busy", then 20,000 of "other"; two runs share each start time (ties by id).
      const flowId = i < RUNS ? 'busy' : 'other';
      const at = new Date(start + Math.floor(i / 2) * 1000).toISOString();
      tuples.push("(?, ?, 1, 'succeeded', 'http', 't', 'u1', '{}', ?, ?, 1)");
      args.push(idAt(i), flowId, at, at);
    }
    await db.client.batch([{ sql: `INSERT INTO runs ${columns} VALUES ${tuples.join(', ')}`, args }], 'write');
  }
  await db.client.execute('ANALYZE');
}, 300_000);

afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function plan(after: { startedAt: string; id: string } | undefined): Promise<string> {
  const { sql, params } = runListQuery({ orm: sqliteOrm(db), t: schema }, 'busy', 21, after).toSQL();
  const rows = await db.client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: params.map((p) => (typeof p === 'number' ? p : String(p))) });
  return rows.rows.map((row) => String(row.detail)).join('\n');
}

describe('the Activity panel run list over 100,000 runs', () => {
  it('searches the (flow_id, started_at, id) index for the first and a deep page, with no scan and no sort', async () => {
    for (const after of [undefined, { startedAt: new Date(start + 10_000 * 1000).toISOString(), id: 'zzzz' }]) {
      const detail = await plan(after);
      expect(detail).toMatch(/SEARCH runs USING (COVERING )?INDEX runs_flow_started_id_idx \(flow_id=\?/);
      expect(detail).not.toMatch(/SCAN runs/);
      expect(detail).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('pages newest first, ties by id, without gaps or repeats across pages', async () => {
    const { runs } = sqliteRepos(db);
    const seen: string[] = [];
    let after: { startedAt: string; id: string } | undefined;
    for (let page = 0; page < 5; page++) {
      const rows = await runs.list('busy', 50, after);
      expect(rows).toHaveLength(50);
      seen.push(...rows.map((row) => row.run.id));
      const last = rows.at(-1)?.run;
      after = last && { startedAt: last.startedAt, id: last.id };
    }
    expect(new Set(seen).size).toBe(250);
    // The newest 250 of "busy": runs 99,999 down to 99,750, ids in creation order within a second.
    const expected = Array.from({ length: 250 }, (_, k) => timeOrderedIdAt(RUNS - 1 - k));
    expect(seen.map((id) => id.slice(0, 13))).toEqual(expected);
  });
});

// Ids of run i sort as the runs were made, like the server's time-ordered ids (time first, then random).
function idAt(i: number): string {
  return `${timeOrderedIdAt(i)}-7000-8000-${i.toString(16).padStart(12, '0')}`;
}

// The time part of the id made for run i (its first 13 characters: 48 bits of milliseconds).
function timeOrderedIdAt(i: number): string {
  const hex = (start + i).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}
