import type { RunSummary, StepRecord } from '@flowyard/engine';
import { describe, expect, it } from 'vitest';
import { outcomeStatus, triggerOutcome } from './trigger-outcome';

const run: RunSummary = {
  id: 'r', flowId: 'f', flowVersion: 1, status: 'succeeded', trigger: { type: 'http', nodeId: 't' }, userId: 'u',
  actedAs: { id: 'u', name: 'U', email: 'u@example.com' }, startedAt: '2024-01-01T00:00:00.000Z', finishedAt: '2024-01-01T00:00:01.000Z', durationMs: 1000, error: null, attempt: 1, rerunOf: null,
};
const step = (nodeId: string, finishedAt: string, status: StepRecord['status'] = 'succeeded'): StepRecord => ({
  id: `s-${nodeId}`, runId: 'r', nodeId, stepType: 'switch', name: nodeId, status, startedAt: '2024-01-01T00:00:00.000Z', finishedAt,
  durationMs: 1, inputs: {}, outputs: { from: nodeId }, exchanges: [], logs: [], error: null, attempt: 1, nextHandle: null, replayedFrom: null,
});

describe('trigger outcome', () => {
  it('takes the outputs of the last step that succeeded; a tie goes to the step later in the flow', () => {
    const at = '2024-01-01T00:00:00.500Z';
    expect(triggerOutcome(run, [step('b', at), step('t', at), step('a', at)], ['t', 'a', 'b']).outputs).toEqual({ from: 'b' });
    expect(triggerOutcome(run, [step('t', at), step('a', '2024-01-01T00:00:00.900Z'), step('b', '2024-01-01T00:00:00.950Z', 'skipped')], ['t', 'a', 'b']).outputs).toEqual({ from: 'a' });
    expect(triggerOutcome({ ...run, status: 'failed' }, [], ['t'])).toEqual({ runId: 'r', status: 'failed', outputs: null, error: null });
    expect([outcomeStatus('succeeded'), outcomeStatus('failed'), outcomeStatus('interrupted'), outcomeStatus('running')]).toEqual([200, 500, 503, 202]);
  });
});
