import type { Repos } from '@flowyard/db';
import { FlowyardError, type Flow, type FlowNode, type Json, type RunRerun, type RunResume, type RunSummary, type RunUser } from '@flowyard/engine';
import type { FlowsService } from '../flows/flows-service';
import type { RunJob } from '../queue/run-queue';
import { toRunSummary, toStepRecord } from './run-views';

/** What a worker needs to execute a queued run: the run as admitted, what it runs, and how far earlier attempts got. */
export interface QueuedRun {
  run: RunSummary;
  flow: Flow;
  trigger: FlowNode;
  payload: Json;
  user: RunUser;
  resume?: RunResume;
  rerun?: RunRerun;
}

/**
 * Reads back a run the worker has just leased: its row (payload, trigger, who it acts as), the
 * flow as saved now, and, for a later attempt, the records earlier attempts left, so the steps
 * that succeeded are not executed again. Undefined when the run is gone (its flow was deleted).
 */
export async function loadQueuedRun({ runs, flows, job, maxAttempts }: { runs: Repos['runs']; flows: FlowsService; job: RunJob; maxAttempts: number }): Promise<QueuedRun | undefined> {
  const stored = await runs.get(job.runId);
  if (stored === undefined || stored.run.status !== 'running') return undefined;
  const run = { ...toRunSummary(stored.run, stored.actedAs), attempt: job.attempt };
  const flow = await flows.get(run.flowId);
  const trigger = flow.graph.nodes.find((node) => node.id === run.trigger.nodeId);
  if (trigger === undefined) {
    throw new FlowyardError('VALIDATION_FAILED', 'The trigger this run started from is no longer in the flow', { details: { runId: run.id, triggerNodeId: run.trigger.nodeId } });
  }
  const resume: RunResume | undefined =
    job.attempt > 1 ? { attempt: job.attempt, maxAttempts, startedAt: run.startedAt, steps: stored.steps.map(toStepRecord) } : undefined;
  const rerun = await rerunOf(runs, stored.run);
  return { run, flow, trigger, payload: stored.run.payload, user: run.actedAs, ...(resume === undefined ? {} : { resume }), ...(rerun === undefined ? {} : { rerun }) };
}

/** A re-run's past run, read back for the worker; from a step, with the past records it replays. */
async function rerunOf(runs: Repos['runs'], row: { rerunOf: string | null; rerunFromNodeId: string | null }): Promise<RunRerun | undefined> {
  if (row.rerunOf === null) return undefined;
  if (row.rerunFromNodeId === null) return { runId: row.rerunOf };
  const past = await runs.get(row.rerunOf);
  // Pruned since it was admitted: nothing left to replay, so the run cannot start from that step.
  if (past === undefined) throw new FlowyardError('NOT_FOUND', 'The run this re-run replays is gone', { details: { runId: row.rerunOf } });
  return { runId: row.rerunOf, from: { nodeId: row.rerunFromNodeId, steps: past.steps.map(toStepRecord) } };
}
