import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busyFailedCount, runListCombinations, seedRunsSql, RUNS } from '../contract/run-list-combinations';
import { runCountQuery, runListQuery, runsRepo, type RunPosition } from '../repos/runs';
import { createPgTestDatabase, type PgTestDatabase } from '../testing/pg-test-database';
import { openPg, type FlowyardPg } from './open';
import { pgQueryHandles } from './query-context';
import { flows, users, workflows } from './schema';

// PostgreSQL twin of sqlite/run-list-plan.test.ts: 1,000,000 runs of one flow (others beside it),
// analysed, and every combination of filters must read an index led by its scope and a filter (in
// list order, or a bitmap of the few runs it leaves), never the whole table.
let database: PgTestDatabase;
let db: FlowyardPg;

beforeAll(async () => {
  database = await createPgTestDatabase();
  db = await openPg(database.url, { maxConnections: 2 });
  await db.orm.insert(workflows).values([{ id: 'w1', name: 'Default' }, { id: 'w2', name: 'Other' }]);
  await db.orm.insert(users).values(['u1', 'u2', 'u3'].map((id) => ({ id, name: id, email: `${id}@example.com`, role: 'admin' as const, createdAt: 'x' })));
  const flow = (id: string, workflowId: string) => ({ id, workflowId, name: id, graph: { nodes: [], edges: [] }, version: 1, createdAt: 'x', updatedAt: 'x' });
  await db.orm.insert(flows).values([flow('busy', 'w1'), flow('other', 'w1'), flow('elsewhere', 'w2')]);
  // generate_series: one statement, no round trip per batch.
  await db.pool.query(seedRunsSql('pg'));
  await db.pool.query('ANALYZE runs');
}, 600_000);

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

async function explain(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
  const { sql, params } = query.toSQL();
  const { rows } = await db.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

describe(`the run lists over ${RUNS.toLocaleString('en')} runs on PostgreSQL`, () => {
  it('read, for every combination of filters, first and deep pages, an index led by the scope and a filter, in order', async () => {
    const handles = pgQueryHandles(db.orm);
    const deep: RunPosition = { startedAt: '2024-01-03T00:00:00.000Z', id: 'zzzz' };
    for (const { filter, indexes } of runListCombinations()) {
      for (const after of [undefined, deep]) {
        const plan = await explain(runListQuery(handles, filter, 51, after));
        const label = `${JSON.stringify(filter)} after ${JSON.stringify(after)}:\n${plan}`;
        const used = /(?:Index (?:Only )?Scan using (\w+) on runs|Bitmap Index Scan on (\w+))/.exec(plan);
        expect(used, label).not.toBeNull();
        expect(indexes, label).toContain(used?.[1] ?? used?.[2]);
        expect(plan, label).not.toMatch(/Seq Scan on runs/);
        // Where the index leaves only a few runs (three filters at once), PostgreSQL may rightly
        // collect them through a bitmap and sort those few; never a sort of a large part of the table.
        const sorted = /Sort {2}\(cost=[\d.]+ rows=(\d+)/.exec(plan);
        if (sorted !== null) expect(Number(sorted[1]), label).toBeLessThanOrEqual(1_000);
      }
      // A count reads every run it counts; over most of the table PostgreSQL rightly scans it (rows
      // are narrow beside the indexes), so only selective counts must use an index.
      if (filter.userId !== undefined || filter.status !== undefined) {
        const count = await explain(runCountQuery(handles, filter));
        expect(count, `count ${JSON.stringify(filter)}:\n${count}`).toMatch(/Index (Only )?Scan using \w+ on runs|Bitmap Index Scan on \w+/);
      }
    }
  });

  it('counts every run of a list', async () => {
    const runs = runsRepo({ ...pgQueryHandles(db.orm), returning: async () => [] } as never);
    expect(await runs.count({ flowId: 'busy' })).toBe(RUNS);
    expect(await runs.count({ flowId: 'busy', status: 'failed' })).toBe(busyFailedCount());
  });
});
