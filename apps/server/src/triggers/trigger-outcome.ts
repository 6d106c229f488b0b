import type { Json, RunSummary, StepRecord, StepError } from '@flowyard/engine';

/** What `?wait=true` answers once the run has finished. */
export interface TriggerOutcome {
  runId: string;
  status: RunSummary['status'];
  /** The outputs of the step that finished last among those that succeeded; null when none did. */
  outputs: Record<string, Json> | null;
  error: StepError | null;
}

/**
 * The run's status and the outputs of its last successful step: the one that finished last, and
 * among steps finishing in the same millisecond the one later in `order` (the flow's order from the
 * trigger), so a step wins over the steps it follows.
 */
export function triggerOutcome(run: RunSummary, steps: readonly StepRecord[], order: readonly string[]): TriggerOutcome {
  const rank = (step: StepRecord): number => order.indexOf(step.nodeId);
  let last: StepRecord | undefined;
  for (const step of steps) {
    if (step.status !== 'succeeded' || step.finishedAt === null) continue;
    const lastAt = last?.finishedAt ?? '';
    if (last === undefined || lastAt < step.finishedAt || (lastAt === step.finishedAt && rank(last) < rank(step))) last = step;
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
