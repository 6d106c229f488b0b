import type { RunSummary, StepRecord } from '@flowyard/engine/schemas';

/** A run summary for tests: a first attempt, still running unless told. */
export function run(id: string, startedAt: string, status: RunSummary['status'] = 'running'): RunSummary {
  return {
    id,
    flowId: 'f',
    flowVersion: 1,
    status,
    trigger: { type: 'manual', nodeId: 't' },
    userId: 'u',
    actedAs: { id: 'u', name: 'Ada', email: 'ada@example.test' },
    startedAt,
    finishedAt: null,
    durationMs: null,
    error: null,
    attempt: 1,
    rerunOf: null,
  };
}

/** A step record for tests: an HTTP Request of node `n-<id>`, a first attempt. */
export function step(id: string, startedAt: string, status: StepRecord['status'] = 'running', runId = 'r1'): StepRecord {
  return {
    id,
    runId,
    nodeId: `n-${id}`,
    stepType: 'http-request',
    name: id,
    status,
    startedAt,
    finishedAt: null,
    durationMs: null,
    inputs: {},
    outputs: null,
    exchanges: [],
    logs: [],
    error: null,
    attempt: 1,
    nextHandle: null,
    replayedFrom: null,
  };
}
