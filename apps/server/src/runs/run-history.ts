import type { RerunLink, Repos, RunListFilter } from '@flowyard/db';
import type { Json, RunSummary, StepError, StepRecord } from '@flowyard/engine';
import { decodeRunCursor, encodeRunCursor } from './run-cursor';
import { toRunSummary, toStepRecord } from './run-views';

/** Run and step records as the Activity panel reads them (the record writer writes them). */
export function createRunHistory(runs: Repos['runs']) {
  return {
    /** One page of the runs a filter selects, newest first, after the `cursor` the previous page gave. */
    async list(filter: RunListFilter, limit: number, cursor: string | undefined): Promise<{ items: RunSummary[]; nextCursor: string | null }> {
      const after = cursor === undefined ? undefined : decodeRunCursor(cursor);
      const rows = await runs.list(filter, limit + 1, after);
      const page = rows.slice(0, limit);
      const last = page.at(-1)?.run;
      return {
        items: page.map((row) => toRunSummary(row.run, row.actedAs)),
        nextCursor: rows.length > limit && last ? encodeRunCursor({ startedAt: last.startedAt, id: last.id }) : null,
      };
    },

    count: (filter: RunListFilter): Promise<number> => runs.count(filter),

    /** The latest re-runs of a run, newest first. */
    reruns: (runId: string): Promise<RerunLink[]> => runs.reruns(runId, 20),

    async get(runId: string): Promise<{ run: RunSummary; steps: StepRecord[] } | undefined> {
      const record = await runs.get(runId);
      return record && { run: toRunSummary(record.run, record.actedAs), steps: record.steps.map(toStepRecord) };
    },

    /** A run with its trigger's payload as stored (what a re-run starts with). */
    async getWithPayload(runId: string): Promise<{ run: RunSummary; payload: Json; steps: StepRecord[] } | undefined> {
      const record = await runs.get(runId);
      return record && { run: toRunSummary(record.run, record.actedAs), payload: record.run.payload, steps: record.steps.map(toStepRecord) };
    },

    /** Marks what is left running (all of it, or one run's) as interrupted with `error` (SPEC §6); returns how many runs. */
    markInterrupted: (at: Date, error: StepError, runId?: string): Promise<number> => runs.markInterrupted(at.toISOString(), error, runId),
  };
}

export type RunHistory = ReturnType<typeof createRunHistory>;
