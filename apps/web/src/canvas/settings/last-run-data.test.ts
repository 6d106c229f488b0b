import type { StepRecord, UpstreamStep } from '@flowyard/engine/schemas';
import { describe, expect, it } from 'vitest';
import { recordedOutputs, referenceShape, runScope } from './last-run-data';

const record = (nodeId: string, outputs: StepRecord['outputs'], id = nodeId): StepRecord => ({
  id,
  runId: 'r1',
  nodeId,
  stepType: 'http-request',
  name: `old name of ${nodeId}`,
  status: outputs === null ? 'failed' : 'succeeded',
  startedAt: '2025-01-01T00:00:00.000Z',
  finishedAt: null,
  durationMs: null,
  inputs: {},
  outputs,
  exchanges: [],
  logs: [],
  error: null,
  attempt: 1,
  nextHandle: null,
  replayedFrom: null,
});

const upstream: UpstreamStep[] = [
  { nodeId: 't', stepName: 'Manual Trigger', referenceName: 'trigger', outputs: ['body'] },
  { nodeId: 'get', stepName: 'Get User', referenceName: 'Get User', outputs: ['status', 'headers', 'body'] },
  { nodeId: 'skipped', stepName: 'Skipped', referenceName: 'Skipped', outputs: ['value'] },
];

const run = {
  steps: [record('t', { body: { id: 1 } }), record('get', null, 'g1'), record('get', { status: 200, body: { x: 1 }, extra: true }, 'g2'), record('other', { a: 1 })],
};

describe('last run data', () => {
  it('takes a step’s latest record that has outputs', () => {
    expect(recordedOutputs(run, 'get')).toEqual({ status: 200, body: { x: 1 }, extra: true });
    expect(recordedOutputs(run, 'skipped')).toBeNull();
  });

  it('builds the scope references see, under today’s step names, only for steps that recorded outputs', () => {
    const scope = runScope(upstream, run);
    // As the runner does: the trigger by its name and as `trigger`.
    expect(Object.keys(scope)).toEqual(['Manual Trigger', 'Get User', 'trigger']);
    expect(scope.trigger).toEqual({ body: { id: 1 } });
    expect(scope['Manual Trigger']).toEqual({ body: { id: 1 } });
  });

  it('shapes each step’s outputs as declared plus recorded', () => {
    expect(referenceShape(upstream, run)).toEqual({
      'Manual Trigger': ['body'],
      trigger: ['body'],
      'Get User': ['status', 'headers', 'body', 'extra'],
      Skipped: ['value'],
    });
    expect(referenceShape(upstream, null)['Get User']).toEqual(['status', 'headers', 'body']);
  });
});
