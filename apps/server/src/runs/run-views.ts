import type { RunRow, RunStepRow } from '@flowyard/db';
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
    // Until runs has an attempt column (issue 12, the storage refactor adds it), runs are never taken over.
    attempt: 1,
    rerunOf: row.rerunOf === null ? null : { runId: row.rerunOf, fromNodeId: row.rerunFromNodeId },
  };
}

export function toStepRecord(row: RunStepRow): StepRecord {
  return {
    id: row.id,
    runId: row.runId,
    nodeId: row.nodeId,
    stepType: row.stepType,
    name: row.name,
    status: row.status,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    durationMs: row.durationMs,
    inputs: row.inputs,
    outputs: row.outputs,
    exchanges: row.exchanges,
    logs: row.logs,
    error: row.error,
    replayedFrom: row.replayedFrom,
    // Until run_steps has attempt and next_handle columns (issue 12), records are read as a first attempt's.
    attempt: 1,
    nextHandle: null,
    ...(row.pinned ? { pinned: true } : {}),
    ...(row.tries === null ? {} : { tries: row.tries }),
  };
}

/** A new run's row: its summary (who it acted as is the user row it points at), its flow's workflow and the trigger's payload. */
export function runRow(run: RunSummary, workflowId: string, payload: Json): RunRow {
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
    ...runUpdate(run),
  };
}

/** The run columns an engine event may change. */
export function runUpdate(run: RunSummary) {
  return { status: run.status, startedAt: run.startedAt, finishedAt: run.finishedAt, durationMs: run.durationMs, error: run.error };
}

/**
 * A step record as its row: the same fields but those run_steps has no column for yet (issue 12
 * adds attempt and next_handle; then this is the record itself again, with no copy).
 */
export function stepRow(step: StepRecord): RunStepRow {
  const { attempt, nextHandle, pinned, tries, ...row } = step;
  return { ...row, pinned: pinned === true, tries: tries ?? null };
}
