import { describe, expect, it } from 'vitest';
import { createHeldRecords } from './held-records';
import type { InsertRunOp, RecordOp } from './run-record-writer';

function fakeWriter(fail?: Error) {
  const written: { how: 'enqueue' | 'write'; op: RecordOp }[] = [];
  return {
    written,
    enqueue: (op: RecordOp) => void written.push({ how: 'enqueue', op }),
    write: (op: RecordOp) => {
      written.push({ how: 'write', op });
      return fail === undefined ? Promise.resolve() : Promise.reject(fail);
    },
  };
}

const insert = (runId: string): InsertRunOp => ({
  kind: 'insert-run',
  runId,
  flowId: 'f1',
  row: { id: runId, flowId: 'f1', workflowId: 'w1', flowVersion: 1, status: 'running', triggerType: 'http', triggerNodeId: 't', userId: 'u', payload: {}, startedAt: 'a', finishedAt: null, durationMs: null, error: null },
  event: null,
});

function step(id: string, runId: string, status: 'running' | 'succeeded'): RecordOp {
  return {
    kind: 'upsert-step',
    runId,
    flowId: 'f1',
    row: { id, runId, nodeId: id, stepType: 'http-request', name: id, status, startedAt: 'a', finishedAt: null, durationMs: null, inputs: {}, outputs: null, exchanges: [], logs: [], error: null, pinned: false, tries: null, replayedFrom: null, attempt: 1, nextHandle: null },
    event: null,
  };
}

const ended = (runId: string): RecordOp => ({ kind: 'update-run', runId, flowId: 'f1', set: { status: 'succeeded', finishedAt: 'b', durationMs: 3 }, event: null });

describe('held records', () => {
  it('writes nothing while the run goes on, then each record once, in its final state, run first', async () => {
    const writer = fakeWriter();
    const held = createHeldRecords(writer);
    const inserted = held.hold(insert('r1'));
    expect(held.add(step('s1', 'r1', 'running'))).toBe(true);
    expect(held.add(step('s2', 'r1', 'running'))).toBe(true);
    expect(held.add(step('s1', 'r1', 'succeeded'))).toBe(true);
    expect(held.add(step('s2', 'r1', 'succeeded'))).toBe(true);
    expect(held.add(ended('r1'))).toBe(true);
    expect(writer.written).toEqual([]);

    held.release('r1');
    await inserted;
    expect(writer.written.map(({ how, op }) => [how, op.kind, op.kind === 'upsert-step' ? `${op.row.id}:${op.row.status}` : op.kind === 'insert-run' ? op.row.status : ''])).toEqual([
      ['enqueue', 'insert-run', 'succeeded'],
      ['enqueue', 'upsert-step', 's1:succeeded'],
      ['write', 'upsert-step', 's2:succeeded'],
    ]);
    expect(held.holds('r1')).toBe(false);
    // Once released, the run's records go straight to the writer.
    expect(held.add(step('s3', 'r1', 'running'))).toBe(false);
  });

  it('hands a run that goes on longer than maxHoldMs to the writer on its own', async () => {
    const writer = fakeWriter();
    const held = createHeldRecords(writer, { maxHoldMs: 10 });
    const inserted = held.hold(insert('slow'));
    held.add(step('s1', 'slow', 'running'));
    await inserted;
    expect(writer.written.map(({ op }) => op.kind)).toEqual(['insert-run', 'upsert-step']);
    expect(held.size).toBe(0);
  });

  it('rejects the insert when the records could not be written, and releases everything on demand', async () => {
    const writer = fakeWriter(new Error('disk full'));
    const held = createHeldRecords(writer);
    const first = held.hold(insert('r1'));
    const second = held.hold(insert('r2'));
    held.releaseAll();
    await expect(first).rejects.toThrow('disk full');
    await expect(second).rejects.toThrow('disk full');
    expect(held.size).toBe(0);
  });
});
