import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCountQuery, runListQuery, type RunListFilter, type RunPosition } from '../repos/runs';
import { busyFailedCount, runListCombinations, seedRunsSql, RUNS } from '../contract/run-list-combinations';
import { createDb, type FlowyardDb } from './open';
import { sqliteOrm, sqliteRepos } from './query-context';
import * as schema from './schema';
import { flows, users, workflows } from './schema';

// The run lists (a flow's Activity panel, a workflow's Activity page) over a flow with 1,000,000
// runs (and other flows beside it), in a file database as the server keeps it: every combination
// of filters must search an index that starts with its scope, in list order (no scan, no sort).
let dir: string;
let db: FlowyardDb;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flowyard-runlist-'));
  db = await createDb(pathToFileURL(join(dir, 'flowyard.db')).href);
  await db.orm.insert(workflows).values([{ id: 'w1', name: 'Default' }, { id: 'w2', name: 'Other' }]);
  await db.orm.insert(users).values(['u1', 'u2', 'u3'].map((id) => ({ id, name: id, email: `${id}@example.com`, role: 'admin' as const, createdAt: 'x' })));
  const flow = (id: string, workflowId: string) => ({ id, workflowId, name: id, graph: { nodes: [], edges: [] }, version: 1, createdAt: 'x', updatedAt: 'x' });
  await db.orm.insert(flows).values([flow('busy', 'w1'), flow('other', 'w1'), flow('elsewhere', 'w2')]);
  // One statement generates every row (a recursive CTE), so seeding costs what SQLite's inserts cost, not round trips.
  await db.client.execute(seedRunsSql('sqlite'));
  await db.client.execute('ANALYZE');
}, 600_000);

afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function explain(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
  const { sql, params } = query.toSQL();
  const rows = await db.client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: params.map((p) => (typeof p === 'number' ? p : String(p))) });
  return rows.rows.map((row) => String(row.detail)).join('\n');
}

const handles = () => ({ orm: sqliteOrm(db), t: schema });

describe(`the run lists over ${RUNS.toLocaleString('en')} runs`, () => {
  it('search, for every combination of filters, first and deep pages, an index led by the scope and a filter, with no scan and no sort', async () => {
    const deep: RunPosition = { startedAt: '2024-01-03T00:00:00.000Z', id: 'zzzz' };
    for (const { filter, indexes } of runListCombinations()) {
      for (const after of [undefined, deep]) {
        const detail = await explain(runListQuery(handles(), filter, 51, after));
        const label = `${JSON.stringify(filter)} after ${JSON.stringify(after)}:\n${detail}`;
        const used = /SEARCH runs USING (?:COVERING )?INDEX (\w+) \((flow_id|workflow_id)=\?/.exec(detail);
        expect(used, label).not.toBeNull();
        expect(indexes, label).toContain(used?.[1]);
        expect(detail, label).not.toMatch(/SCAN runs/);
        expect(detail, label).not.toMatch(/TEMP B-TREE/);
      }
      const count = await explain(runCountQuery(handles(), filter));
      expect(count, `count ${JSON.stringify(filter)}:\n${count}`).toMatch(/SEARCH runs USING (?:COVERING )?INDEX \w+ \((flow_id|workflow_id)=\?/);
    }
  });

  it('pages newest first, ties by id, without gaps or repeats, and counts every run of the list', async () => {
    const { runs } = sqliteRepos(db);
    for (const filter of [{ flowId: 'busy' }, { workflowId: 'w1', status: 'failed' }] satisfies RunListFilter[]) {
      const seen: string[] = [];
      let after: RunPosition | undefined;
      for (let page = 0; page < 5; page++) {
        const rows = await runs.list(filter, 50, after);
        expect(rows).toHaveLength(50);
        seen.push(...rows.map((row) => row.run.id));
        const last = rows.at(-1)?.run;
        after = last && { startedAt: last.startedAt, id: last.id };
      }
      expect(new Set(seen).size).toBe(250);
      const order = [...seen].sort().reverse();
      expect(seen).toEqual(order);
    }
    expect(await runs.count({ flowId: 'busy' })).toBe(RUNS);
    expect(await runs.count({ flowId: 'busy', status: 'failed' })).toBe(busyFailedCount());
  });
});
