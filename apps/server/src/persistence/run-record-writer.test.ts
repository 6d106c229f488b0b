import type { RunStepRow, Store } from '@flowyard/db';
import { openTestStore, type TestSql } from '@flowyard/db/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRunRecordWriter, type RecordOp, type RunInsertRow } from './run-record-writer';

let store: Store;
let sql: TestSql;
beforeEach(async () => {
  ({ store, sql } = await openTestStore());
  await store.repos.workflows.insert({ id: 'w1', name: 'Default' });
  await store.repos.users.insert({ id: 'u1', name: 'Ada', email: 'ada@example.com', role: 'admin', passwordHash: null, disabled: false, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: null });
  await store.repos.flows.insert({ id: 'f1', workflowId: 'w1', name: 'F', graph: { nodes: [], edges: [] }, version: 1, enabled: true, createdAt: 'x', updatedAt: 'x' });
});
afterEach(async () => {
  await store.close();
  vi.restoreAllMocks();
});

const runOf = async (id: string) => (await store.repos.runs.get(id))?.run;
const stepsOf = async (runId: string) => (await store.repos.runs.get(runId))?.steps ?? [];
const runIds = async () => (await sql.query('SELECT id FROM runs ORDER BY id')).map((row) => row.id);
const count = async (table: string) => Number((await sql.query(`SELECT count(*) AS n FROM ${table}`))[0]?.n);

const runRow = (id: string): RunInsertRow => ({
  id,
  flowId: 'f1',
  workflowId: 'w1',
  flowVersion: 1,
  status: 'running',
  triggerType: 'manual',
  triggerNodeId: 't',
  userId: 'u1',
  payload: { hello: 'world', n: [1, 2] },
  startedAt: '2024-01-01T00:00:00.000Z',
  finishedAt: null,
  durationMs: null,
  error: null,
  rerunOf: null,
  rerunFromNodeId: null,
  origin: null,
});

const stepRow = (id: string, runId: string, status: RunStepRow['status']): RunStepRow => ({
  id,
  runId,
  nodeId: 'n',
  stepType: 'http-request',
  name: 'Call',
  status,
  startedAt: '2024-01-01T00:00:00.001Z',
  finishedAt: status === 'running' ? null : '2024-01-01T00:00:00.002Z',
  durationMs: status === 'running' ? null : 1.5,
  inputs: { method: 'GET' },
  outputs: status === 'running' ? null : { status: 200, body: { ok: true } },
  exchanges: [],
  logs: [{ level: 'info', message: 'hi "quoted"', at: '2024-01-01T00:00:00.001Z' }],
  error: null,
  pinned: false,
  tries: null,
  replayedFrom: null,
  attempt: 1,
  nextHandle: null,
});

const insert = (runId: string): RecordOp => ({ kind: 'insert-run', runId, flowId: 'f1', row: runRow(runId), event: null });
const step = (id: string, runId: string, status: RunStepRow['status']): RecordOp => ({ kind: 'upsert-step', runId, flowId: 'f1', row: stepRow(id, runId, status), event: null });
const finish = (runId: string): RecordOp => ({
  kind: 'update-run',
  runId,
  flowId: 'f1',
  set: { status: 'failed', finishedAt: '2024-01-01T00:00:01.000Z', durationMs: 1000, error: { code: 'HTTP_TIMEOUT', message: 'slow', details: {} } },
  event: null,
});

describe('the run record writer', () => {
  it('writes rows the ORM reads back as written, coalescing a record written twice in one batch', async () => {
    const committed: RecordOp[][] = [];
    const writer = createRunRecordWriter(store.runRecords, { committed: (ops) => void committed.push([...ops]) });
    writer.enqueue(insert('r1'));
    writer.enqueue(step('s1', 'r1', 'running'));
    writer.enqueue(step('s1', 'r1', 'succeeded'));
    await writer.write(finish('r1'));

    expect(committed).toHaveLength(1);
    expect(committed[0]?.map((op) => op.kind)).toEqual(['insert-run', 'upsert-step', 'upsert-step', 'update-run']);
    expect(await runOf('r1')).toEqual({ ...runRow('r1'), status: 'failed', finishedAt: '2024-01-01T00:00:01.000Z', durationMs: 1000, error: { code: 'HTTP_TIMEOUT', message: 'slow', details: {} }, attempt: 1, leaseOwner: null, leaseUntil: null });
    expect(await stepsOf('r1')).toEqual([stepRow('s1', 'r1', 'succeeded')]);
    expect(await count('run_steps')).toBe(1);
    // Nulls are SQL NULLs, as the ORM writes them, not the JSON text "null".
    expect(await sql.query("SELECT id FROM runs WHERE id = 'r1' AND error IS NOT NULL AND finished_at IS NOT NULL")).toEqual([{ id: 'r1' }]);
    expect(await sql.query("SELECT id FROM run_steps WHERE id = 's1' AND error IS NULL")).toEqual([{ id: 's1' }]);
  });

  it('updates runs and steps written by an earlier batch', async () => {
    const writer = createRunRecordWriter(store.runRecords);
    await writer.write(insert('r1'));
    await writer.write(step('s1', 'r1', 'running'));
    await writer.write(insert('r2'));
    writer.enqueue(step('s1', 'r1', 'succeeded'));
    writer.enqueue(finish('r1'));
    await writer.write(finish('r2'));
    const rows = [await runOf('r1'), await runOf('r2')];
    expect(rows.map((r) => [r?.id, r?.status, r?.payload])).toEqual([
      ['r1', 'failed', { hello: 'world', n: [1, 2] }],
      ['r2', 'failed', { hello: 'world', n: [1, 2] }],
    ]);
    expect(await runIds()).toEqual(['r1', 'r2']);
    expect((await stepsOf('r1'))[0]?.status).toBe('succeeded');
  });

  it('writes many runs of one batch', async () => {
    const writer = createRunRecordWriter(store.runRecords);
    const ids = Array.from({ length: 250 }, (_, i) => `r${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      writer.enqueue(insert(id));
      writer.enqueue(step(`s-${id}`, id, 'succeeded'));
    }
    await writer.flush();
    expect(await count('runs')).toBe(250);
    expect(await count('run_steps')).toBe(250);
  });

  it('keeps the other records of a batch when one cannot be written, and tells that run', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const writer = createRunRecordWriter(store.runRecords);
    await writer.write(insert('r1'));
    writer.enqueue(insert('r2'));
    // A step of a run that does not exist (deleted with its flow) breaks its foreign key.
    const orphan = writer.write(step('s-x', 'gone', 'succeeded'));
    const good = writer.write(step('s1', 'r1', 'succeeded'));
    await expect(orphan).rejects.toThrow(/foreign key/i);
    await expect(good).resolves.toBeUndefined();
    expect(await runIds()).toEqual(['r1', 'r2']);
    expect((await sql.query('SELECT id FROM run_steps')).map((s) => s.id)).toEqual(['s1']);
  });

  it('fails the run\'s later waits after a record of it failed while nobody waited', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const writer = createRunRecordWriter(store.runRecords);
    writer.enqueue(step('s-x', 'gone', 'running'));
    await writer.flush();
    await expect(writer.write({ kind: 'update-run', runId: 'gone', flowId: 'f1', set: { status: 'succeeded' }, event: null })).rejects.toThrow(/foreign key/i);
    // Every later wait of that run is told, until the run is forgotten; other runs are unaffected.
    await expect(writer.write({ kind: 'update-run', runId: 'gone', flowId: 'f1', set: { status: 'failed' }, event: null })).rejects.toThrow(/foreign key/i);
    await expect(writer.write(insert('r1'))).resolves.toBeUndefined();
    writer.forget('gone');
    await expect(writer.write({ kind: 'update-run', runId: 'gone', flowId: 'f1', set: { status: 'failed' }, event: null })).resolves.toBeUndefined();
  });
});

describe('deferred snapshots', () => {
  it('drops a deferred snapshot its record\'s next state supersedes, and writes one left alone after maxDeferMs', async () => {
    const written: string[] = [];
    const writer = createRunRecordWriter(store.runRecords, {
      maxDeferMs: 30,
      committed: (ops) => void written.push(...ops.map((op) => (op.kind === 'upsert-step' ? `${op.row.id}:${op.row.status}` : `${op.kind}:${op.runId}`))),
    });
    await writer.write(insert('r1'));
    writer.defer(step('fast', 'r1', 'running'));
    writer.defer(step('slow', 'r1', 'running'));
    await writer.write(step('fast', 'r1', 'succeeded'));
    expect(written).toEqual(['insert-run:r1', 'fast:succeeded']);
    // Nothing supersedes "slow": it is written once its time is up.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writer.flush();
    expect(written).toEqual(['insert-run:r1', 'fast:succeeded', 'slow:running']);
    expect((await stepsOf('r1')).map((s) => [s.id, s.status]).sort()).toEqual([
      ['fast', 'succeeded'],
      ['slow', 'running'],
    ]);
  });

  it('flush writes what is deferred', async () => {
    const writer = createRunRecordWriter(store.runRecords, { maxDeferMs: 60_000 });
    await writer.write(insert('r1'));
    writer.defer(step('s1', 'r1', 'running'));
    expect(writer.pending).toBe(1);
    await writer.flush();
    expect((await stepsOf('r1')).map((s) => s.status)).toEqual(['running']);
  });
});
