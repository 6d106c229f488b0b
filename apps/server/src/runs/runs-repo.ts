import { and, asc, desc, eq, runs, runSteps, sql, users, type FlowyardDb } from '@flowyard/db';
import { getTableColumns } from 'drizzle-orm';
import type { RunSummary, StepError, StepRecord } from '@flowyard/engine';
import { decodeRunCursor, encodeRunCursor, type RunCursor } from './run-cursor';
import { toRunSummary, toStepRecord } from './run-views';

/** The user columns a run summary shows (who the run acted as). */
const actedAsColumns = { id: users.id, name: users.name, email: users.email };

/** Every run column but the payload, which lists do not show. */
const { payload: _payload, ...summaryColumns } = getTableColumns(runs);

/**
 * One page of a flow's runs, newest first, after `after` (the previous page's last run): keyset
 * paging down the (flow_id, started_at desc, id desc) index, so a page costs the same at any depth.
 */
export function runListQuery(db: FlowyardDb, flowId: string, limit: number, after: RunCursor | undefined) {
  return db.orm
    .select({ run: summaryColumns, actedAs: actedAsColumns })
    .from(runs)
    .innerJoin(users, eq(users.id, runs.userId))
    .where(and(eq(runs.flowId, flowId), after && sql`(${runs.startedAt}, ${runs.id}) < (${after.startedAt}, ${after.id})`))
    .orderBy(desc(runs.startedAt), desc(runs.id))
    .limit(limit);
}

/** Run and step records as the Activity panel reads them (the record writer writes them). */
export function createRunsRepo(db: FlowyardDb) {
  return {
    async list(flowId: string, limit: number, cursor: string | undefined): Promise<{ items: RunSummary[]; nextCursor: string | null }> {
      const after = cursor === undefined ? undefined : decodeRunCursor(cursor);
      const rows = await runListQuery(db, flowId, limit + 1, after);
      const page = rows.slice(0, limit);
      const last = page.at(-1)?.run;
      return {
        items: page.map((row) => toRunSummary(row.run, row.actedAs)),
        nextCursor: rows.length > limit && last ? encodeRunCursor({ startedAt: last.startedAt, id: last.id }) : null,
      };
    },

    async get(runId: string): Promise<{ run: RunSummary; steps: StepRecord[] } | undefined> {
      const [row] = await db.orm.select({ run: runs, actedAs: actedAsColumns }).from(runs).innerJoin(users, eq(users.id, runs.userId)).where(eq(runs.id, runId));
      if (!row) return undefined;
      const steps = await db.orm.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.startedAt), asc(runSteps.id));
      return { run: toRunSummary(row.run, row.actedAs), steps: steps.map(toStepRecord) };
    },

    /** Marks what is left running (all of it, or one run's) as interrupted with `error` (SPEC §6); returns how many runs. */
    async markInterrupted(at: Date, error: StepError, runId?: string): Promise<number> {
      const finishedAt = at.toISOString();
      // A literal 'running' (not a bound value) lets SQLite use the partial indexes of runs in flight.
      const runRunning = sql`${runs.status} = 'running'`;
      const stepRunning = sql`${runSteps.status} = 'running'`;
      const runFilter = runId === undefined ? runRunning : and(runRunning, eq(runs.id, runId));
      const stepFilter = runId === undefined ? stepRunning : and(stepRunning, eq(runSteps.runId, runId));
      const [changedRuns] = await db.orm.batch([
        db.orm.update(runs).set({ status: 'interrupted', finishedAt, error }).where(runFilter).returning({ id: runs.id }),
        db.orm.update(runSteps).set({ status: 'interrupted', finishedAt, error }).where(stepFilter),
      ]);
      return changedRuns.length;
    },
  };
}

export type RunsRepo = ReturnType<typeof createRunsRepo>;
