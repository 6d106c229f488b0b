import type { RunInsertRow, RunRow, RunStepRow } from '@flowyard/db';
import type { Json, RunSummary, RunUser, StepRecord } from '@flowyard/engine';

/** A run row with the user it acted as (joined from users). */
export function toRunSummary(row: Omit<RunRow, 'payload'>, actedAs: RunUser): RunSummary {
  return {
    id: row.id,
    flowId: row.flowId,
    flowVersion: row.flowVersion,
    status: row.status,
    trigger: { type: row.triggerType, nodeId: row.triggerNodeId },
    userId: row.userId,
    actedAs: { id: actedAs.id, name: actedAs.name, email: actedAs.email },
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    durationMs: row.durationMs,
    error: row.error,
    attempt: row.attempt,
    rerunOf: row.rerunOf === null ? null : { runId: row.rerunOf, fromNodeId: row.rerunFromNodeId },
    ...(row.origin === null ? {} : { origin: row.origin }),
  };
}

/** A step row is the step record, but for the pinned mark and tries, kept only where set. */
export function toStepRecord(row: RunStepRow): StepRecord {
  const { pinned, tries, ...rest } = row;
  return { ...rest, ...(pinned ? { pinned: true } : {}), ...(tries === null ? {} : { tries }) };
}

/** A new run's row: its summary (who it acted as is the user row it points at), its flow's workflow and the trigger's payload. */
export function runRow(run: RunSummary, workflowId: string, payload: Json): RunInsertRow {
  return {
    id: run.id,
    flowId: run.flowId,
    workflowId,
    rerunOf: run.rerunOf?.runId ?? null,
    rerunFromNodeId: run.rerunOf?.fromNodeId ?? null,
    flowVersion: run.flowVersion,
    triggerType: run.trigger.type,
    triggerNodeId: run.trigger.nodeId,
    userId: run.userId,
    payload,
    origin: run.origin ?? null,
    ...runUpdate(run),
  };
}

/** The run columns an engine event may change. */
export function runUpdate(run: RunSummary) {
  return { status: run.status, startedAt: run.startedAt, finishedAt: run.finishedAt, durationMs: run.durationMs, error: run.error, attempt: run.attempt };
}

/** A step record as its row: the same fields, the pinned mark and tries always present. */
export function stepRow(step: StepRecord): RunStepRow {
  const { pinned, tries, ...row } = step;
  return { ...row, pinned: pinned === true, tries: tries ?? null };
}
