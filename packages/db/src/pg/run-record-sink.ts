import { getTableColumns, getTableName, type Column, type Table } from 'drizzle-orm';
import type { Pool } from 'pg';
import type { RunAdmission, RunRecordBatch, RunRecordSink } from '../store';
import type { TrackedGenerations } from '../write-generations';
import { runs, runSteps } from './schema';

/**
 * Run records on PostgreSQL: a whole batch is one statement (new runs, steps upserted, changes to
 * older runs as data-modifying CTEs), so one round trip and one implicit transaction per batch.
 * Each record appears once in a batch (the writer coalesces them), so no row is written twice in it.
 * The same statement hands new runs to the job queue (`admission`) and notifies the other instances
 * (`flowyard_runs`), both of which take effect only when it commits.
 */
export function pgRunRecordSink(pool: Pool, generations: TrackedGenerations, admission?: RunAdmission): RunRecordSink {
  return {
    async write(batch) {
      const statement = recordStatement(batch, admission);
      if (statement === undefined) return;
      try {
        await pool.query(statement.text, statement.values);
      } finally {
        generations.bump([...(batch.runs.length + batch.runUpdates.length > 0 ? ['runs'] : []), ...(batch.steps.length > 0 ? ['run_steps'] : [])]);
      }
    },
  };
}

type Row = { readonly [key: string]: unknown };

/** The channel run notices go out on (see RunNotice). */
export const runsChannel = 'flowyard_runs';

/** The statement that writes `batch`, with its parameters; undefined when there is nothing to write. */
export function recordStatement(batch: RunRecordBatch, admission?: RunAdmission): { text: string; values: unknown[] } | undefined {
  const values: unknown[] = [];
  const param = (value: unknown): string => `$${values.push(value)}`;
  const parts: string[] = [];
  if (batch.runs.length > 0) parts.push(insertRows(runs, batch.runs, param, ''));
  if (batch.steps.length > 0) {
    const updated = columnsOf(runSteps).filter(([key]) => key !== 'id' && key !== 'runId');
    parts.push(insertRows(runSteps, batch.steps, param, ` ON CONFLICT ("id") DO UPDATE SET ${updated.map(([, column]) => `${quote(column.name)} = excluded.${quote(column.name)}`).join(', ')}`));
  }
  const runColumns = new Map(columnsOf(runs));
  for (const { id, set } of batch.runUpdates) {
    const changes = Object.entries(set).filter(([, value]) => value !== undefined);
    if (changes.length === 0) continue;
    const assignments = changes.map(([key, value]) => {
      const column = runColumns.get(key);
      if (column === undefined) throw new TypeError(`runs has no column for "${key}"`);
      return `${quote(column.name)} = ${param(encode(column, value))}`;
    });
    parts.push(`UPDATE "runs" SET ${assignments.join(', ')} WHERE "id" = ${param(id)}`);
  }
  // Scalar subqueries in the final SELECT, so every row of them is evaluated (a CTE nobody reads is not).
  const effects: string[] = [];
  const jobs = batch.admit ?? [];
  if (jobs.length > 0) {
    if (admission === undefined) throw new TypeError('This store has no job queue to admit runs to');
    effects.push(`(SELECT count(*) FROM (SELECT ${admission(jobs, param)}) AS admitted)`);
  }
  const notices = batch.notices ?? [];
  if (notices.length > 0) {
    effects.push(`(SELECT count(pg_notify('${runsChannel}', notice)) FROM unnest(${param(notices.map((notice) => JSON.stringify(notice)))}::text[]) AS notice)`);
  }
  if (parts.length === 0 && effects.length === 0) return undefined;
  const select = `SELECT ${effects.length === 0 ? '1' : effects.join(', ')}`;
  return { text: parts.length === 0 ? select : `WITH ${parts.map((part, i) => `w${i} AS (${part})`).join(', ')} ${select}`, values };
}

function insertRows(table: Table, rows: readonly Row[], param: (value: unknown) => string, tail: string): string {
  const columns = columnsOf(table);
  // An absent value takes the column's default (a run row written without its attempt is attempt 1).
  const tuples = rows.map((row) => `(${columns.map(([key, column]) => (row[key] === undefined && column.hasDefault ? 'DEFAULT' : param(encode(column, row[key])))).join(', ')})`);
  return `INSERT INTO ${quote(getTableName(table))} (${columns.map(([, column]) => quote(column.name)).join(', ')}) VALUES ${tuples.join(', ')}${tail}`;
}

const columnLists = new WeakMap<Table, [string, Column][]>();

function columnsOf(table: Table): [string, Column][] {
  let columns = columnLists.get(table);
  if (columns === undefined) {
    columns = Object.entries(getTableColumns(table));
    columnLists.set(table, columns);
  }
  return columns;
}

/** A value as drizzle's column would send it; JSON's own null in a NOT NULL JSON column is the JSON `null`, as on SQLite. */
function encode(column: Column, value: unknown): unknown {
  if (value === null && column.notNull && column.dataType === 'json') return 'null';
  if (value === null || value === undefined) return null;
  return column.mapToDriverValue(value);
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
