import type { RunListFilter } from '../repos/runs';

/** Runs of the flow "busy" in the query-plan tests of both dialects. */
export const RUNS = 1_000_000;
/** Rows seeded in all: "busy", then "other" (same workflow, w1) and "elsewhere" (w2) interleaved, 100,000 each. */
const ROWS = 1_200_000;

/**
 * One statement that seeds every run (no round trip per batch): run i is `run-<i, 8 digits>`
 * (ids sort as runs start), two runs start each second from 2024-01-01, 1 in 50 failed and 1 in
 * 10,000 running, 1 in 3 manual, 1 in 100 acted as u2 (1 in 7 as u3).
 */
export function seedRunsSql(dialect: 'sqlite' | 'pg'): string {
  const columns = 'id, flow_id, workflow_id, flow_version, status, trigger_type, trigger_node_id, user_id, payload, started_at, finished_at, duration_ms';
  const values = (i: string, id: string, startedAt: string) => `${id},
    CASE WHEN ${i} % 12 = 5 THEN 'other' WHEN ${i} % 12 = 11 THEN 'elsewhere' ELSE 'busy' END,
    CASE WHEN ${i} % 12 = 11 THEN 'w2' ELSE 'w1' END,
    1,
    CASE WHEN ${i} % 10000 = 3 THEN 'running' WHEN ${i} % 50 = 7 THEN 'failed' ELSE 'succeeded' END,
    CASE WHEN ${i} % 3 = 0 THEN 'manual' ELSE 'http' END,
    't',
    CASE WHEN ${i} % 100 = 1 THEN 'u2' WHEN ${i} % 7 = 0 THEN 'u3' ELSE 'u1' END,
    '{}', ${startedAt}, NULL, 1`;
  if (dialect === 'sqlite') {
    return `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS - 1})
      INSERT INTO runs (${columns})
      SELECT ${values('i', "printf('run-%08d', i)", "strftime('%Y-%m-%dT%H:%M:%S.000Z', 1704067200 + i / 2, 'unixepoch')")} FROM n`;
  }
  return `INSERT INTO runs (${columns})
    SELECT ${values('i', "'run-' || lpad(i::text, 8, '0')", `to_char(to_timestamp(1704067200 + i / 2) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"')`)}
    FROM generate_series(0, ${ROWS - 1}) AS i`;
}

/**
 * Every combination of the list filters (status, trigger, user, a time range) in both scopes (a
 * flow, a workflow), each with the indexes allowed to serve it: the scope's index led by one of
 * its filters' columns (the other filters are checked walking it), or the scope's own without one.
 */
export function runListCombinations(): { filter: RunListFilter; indexes: string[] }[] {
  const combinations: { filter: RunListFilter; indexes: string[] }[] = [];
  for (const scope of ['flow', 'workflow'] as const) {
    for (let mask = 0; mask < 16; mask++) {
      const base: RunListFilter = scope === 'flow' ? { flowId: 'busy' } : { workflowId: 'w1' };
      const filter: RunListFilter = {
        ...base,
        ...(mask & 1 ? { status: 'failed' as const } : {}),
        ...(mask & 2 ? { trigger: 'manual' as const } : {}),
        ...(mask & 4 ? { userId: 'u2' } : {}),
        ...(mask & 8 ? { startedFrom: '2024-01-02T00:00:00.000Z', startedBefore: '2024-01-05T00:00:00.000Z' } : {}),
      };
      const led = [mask & 1 ? 'status' : null, mask & 2 ? 'trigger' : null, mask & 4 ? 'user' : null].filter((name) => name !== null);
      const indexes = led.length === 0 ? [scope === 'flow' ? 'runs_flow_started_id_idx' : 'runs_workflow_started_idx'] : led.map((name) => `runs_${scope}_${name}_started_idx`);
      combinations.push({ filter, indexes });
    }
  }
  return combinations;
}

/** How many seeded rows of "busy" are failed (what a count must find). */
export function busyFailedCount(): number {
  let count = 0;
  for (let i = 0; i < ROWS; i++) if (i % 12 !== 5 && i % 12 !== 11 && i % 10000 !== 3 && i % 50 === 7) count++;
  return count;
}
