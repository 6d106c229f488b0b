import type { Json, RunSummary, StepRecord, StepError } from '@flowyard/engine';

/** What `?wait=true` answers once the run has finished. */
export interface TriggerOutcome {
  runId: string;
  status: RunSummary['status'];
  /** The outputs of the step that finished last among those that succeeded; null when none did. */
  outputs: Record<string, Json> | null;
  error: StepError | null;
}

/** The run's status and the outputs of its last successful step. */
export function triggerOutcome(run: RunSummary, steps: readonly StepRecord[]): TriggerOutcome {
  let last: StepRecord | undefined;
  for (const step of steps) {
    if (step.status !== 'succeeded' || step.finishedAt === null) continue;
    // Steps come ordered by start; among those finishing at the same instant the later-started one wins.
    if (last === undefined || (last.finishedAt ?? '') <= step.finishedAt) last = step;
  }
  return { runId: run.id, status: run.status, outputs: last?.outputs ?? null, error: run.error };
}

/** 200 succeeded, 500 failed (the flow's own failure), 503 interrupted, 202 still running. */
export function outcomeStatus(status: RunSummary['status']): number {
  switch (status) {
    case 'succeeded':
      return 200;
    case 'failed':
      return 500;
    case 'interrupted':
      return 503;
    case 'running':
      return 202;
  }
}
