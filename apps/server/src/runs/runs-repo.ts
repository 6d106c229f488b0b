import { and, asc, desc, eq, lt, or, runs, runSteps, users, type FlowyardDb } from '@flowyard/db';
import type { Json, RunSummary, StepRecord } from '@flowyard/engine';
import { decodeRunCursor, encodeRunCursor } from './run-cursor';
import { runUpdate, stepRow, toRunSummary, toStepRecord } from './run-views';

/** The user columns a run summary shows (who the run acted as). */
const actedAsColumns = { id: users.id, name: users.name, email: users.email };

/** Run and step records: written as the engine reports progress, read by the Activity panel. */
export function createRunsRepo(db: FlowyardDb) {
  return {
    async insertRun(run: RunSummary, payload: Json): Promise<void> {
      await db.orm.insert(runs).values({
        id: run.id,
        flowId: run.flowId,
        flowVersion: run.flowVersion,
        triggerType: run.trigger.type,
        triggerNodeId: run.trigger.nodeId,
        userId: run.userId,
        payload,
        ...runUpdate(run),
      });
    },

    async updateRun(run: RunSummary): Promise<void> {
      await db.orm.update(runs).set(runUpdate(run)).where(eq(runs.id, run.id));
    },

    async upsertStep(step: StepRecord): Promise<void> {
      const row = stepRow(step);
      const { id: _id, runId: _runId, ...changes } = row;
      await db.orm.insert(runSteps).values(row).onConflictDoUpdate({ target: runSteps.id, set: changes });
    },

    async list(flowId: string, limit: number, cursor: string | undefined): Promise<{ items: RunSummary[]; nextCursor: string | null }> {
      const after = cursor === undefined ? undefined : decodeRunCursor(cursor);
      const rows = await db.orm
        .select({ run: runs, actedAs: actedAsColumns })
        .from(runs)
        .innerJoin(users, eq(users.id, runs.userId))
        .where(
          and(
            eq(runs.flowId, flowId),
            after && or(lt(runs.startedAt, after.startedAt), and(eq(runs.startedAt, after.startedAt), lt(runs.id, after.id))),
          ),
        )
        .orderBy(desc(runs.startedAt), desc(runs.id))
        .limit(limit + 1);
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

    /** Marks what was in flight when the server stopped as interrupted (SPEC §6); returns how many runs. */
    async markInterrupted(at: Date, runId?: string): Promise<number> {
      const finishedAt = at.toISOString();
      const runFilter = runId === undefined ? eq(runs.status, 'running') : and(eq(runs.status, 'running'), eq(runs.id, runId));
      const stepFilter = runId === undefined ? eq(runSteps.status, 'running') : and(eq(runSteps.status, 'running'), eq(runSteps.runId, runId));
      const [changedRuns] = await db.orm.batch([
        db.orm.update(runs).set({ status: 'interrupted', finishedAt }).where(runFilter).returning({ id: runs.id }),
        db.orm.update(runSteps).set({ status: 'interrupted', finishedAt }).where(stepFilter),
      ]);
      return changedRuns.length;
    },
  };
}

export type RunsRepo = ReturnType<typeof createRunsRepo>;
