import { createDb, eq, flows, runs, runSteps, users, workflows, type FlowyardDb, type RunStepRow } from '@flowyard/db';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRunRecordWriter, type RecordOp, type RunInsertRow } from './run-record-writer';

let db: FlowyardDb;
beforeEach(async () => {
  db = await createDb(':memory:');
  await db.orm.insert(workflows).values({ id: 'w1', name: 'Default' });
  await db.orm.insert(users).values({ id: 'u1', name: 'Ada', email: 'ada@example.com', role: 'admin', createdAt: '2024-01-01T00:00:00.000Z' });
  await db.orm.insert(flows).values({ id: 'f1', workflowId: 'w1', name: 'F', graph: { nodes: [], edges: [] }, version: 1, createdAt: 'x', updatedAt: 'x' });
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const runRow = (id: string): RunInsertRow => ({
  id,
  flowId: 'f1',
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
    const writer = createRunRecordWriter(db, { committed: (ops) => void committed.push([...ops]) });
    writer.enqueue(insert('r1'));
    writer.enqueue(step('s1', 'r1', 'running'));
    writer.enqueue(step('s1', 'r1', 'succeeded'));
    await writer.write(finish('r1'));

    expect(committed).toHaveLength(1);
    expect(committed[0]?.map((op) => op.kind)).toEqual(['insert-run', 'upsert-step', 'upsert-step', 'update-run']);
    const [run] = await db.orm.select().from(runs).where(eq(runs.id, 'r1'));
    expect(run).toEqual({ ...runRow('r1'), status: 'failed', finishedAt: '2024-01-01T00:00:01.000Z', durationMs: 1000, error: { code: 'HTTP_TIMEOUT', message: 'slow', details: {} } });
    expect(await db.orm.select().from(runSteps)).toEqual([stepRow('s1', 'r1', 'succeeded')]);
    // Nulls are SQL NULLs, as the ORM writes them, not the JSON text "null".
    const raw = await db.client.execute("SELECT typeof(error) AS e, typeof(finished_at) AS f FROM runs WHERE id = 'r1'");
    expect(raw.rows[0]).toMatchObject({ e: 'text', f: 'text' });
    const rawStep = await db.client.execute("SELECT typeof(error) AS e FROM run_steps WHERE id = 's1'");
    expect(rawStep.rows[0]).toMatchObject({ e: 'null' });
  });

  it('updates runs and steps written by an earlier batch', async () => {
    const writer = createRunRecordWriter(db);
    await writer.write(insert('r1'));
    await writer.write(step('s1', 'r1', 'running'));
    await writer.write(insert('r2'));
    writer.enqueue(step('s1', 'r1', 'succeeded'));
    writer.enqueue(finish('r1'));
    await writer.write(finish('r2'));
    const rows = await db.orm.select().from(runs);
    expect(rows.map((r) => [r.id, r.status, r.payload])).toEqual([
      ['r1', 'failed', { hello: 'world', n: [1, 2] }],
      ['r2', 'failed', { hello: 'world', n: [1, 2] }],
    ]);
    expect((await db.orm.select().from(runSteps))[0]?.status).toBe('succeeded');
  });

  it('writes many runs of one batch', async () => {
    const writer = createRunRecordWriter(db);
    const ids = Array.from({ length: 250 }, (_, i) => `r${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      writer.enqueue(insert(id));
      writer.enqueue(step(`s-${id}`, id, 'succeeded'));
    }
    await writer.flush();
    expect((await db.client.execute('SELECT count(*) AS n FROM runs')).rows[0]?.n).toBe(250);
    expect((await db.client.execute('SELECT count(*) AS n FROM run_steps')).rows[0]?.n).toBe(250);
  });

  it('keeps the other records of a batch when one cannot be written, and tells that run', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const writer = createRunRecordWriter(db);
    await writer.write(insert('r1'));
    writer.enqueue(insert('r2'));
    // A step of a run that does not exist (deleted with its flow) breaks its foreign key.
    const orphan = writer.write(step('s-x', 'gone', 'succeeded'));
    const good = writer.write(step('s1', 'r1', 'succeeded'));
    await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
    await expect(good).resolves.toBeUndefined();
    expect((await db.orm.select().from(runs)).map((r) => r.id)).toEqual(['r1', 'r2']);
    expect((await db.orm.select().from(runSteps)).map((s) => s.id)).toEqual(['s1']);
  });

  it('fails the run\'s later waits after a record of it failed while nobody waited', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const writer = createRunRecordWriter(db);
    writer.enqueue(step('s-x', 'gone', 'running'));
    await writer.flush();
    await expect(writer.write({ kind: 'update-run', runId: 'gone', flowId: 'f1', set: { status: 'succeeded' }, event: null })).rejects.toThrow(/FOREIGN KEY/);
    // Every later wait of that run is told, until the run is forgotten; other runs are unaffected.
    await expect(writer.write({ kind: 'update-run', runId: 'gone', flowId: 'f1', set: { status: 'failed' }, event: null })).rejects.toThrow(/FOREIGN KEY/);
    await expect(writer.write(insert('r1'))).resolves.toBeUndefined();
    writer.forget('gone');
    await expect(writer.write({ kind: 'update-run', runId: 'gone', flowId: 'f1', set: { status: 'failed' }, event: null })).resolves.toBeUndefined();
  });
});

describe('deferred snapshots', () => {
  it('drops a deferred snapshot its record\'s next state supersedes, and writes one left alone after maxDeferMs', async () => {
    const written: string[] = [];
    const writer = createRunRecordWriter(db, {
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
    expect((await db.orm.select().from(runSteps)).map((s) => [s.id, s.status]).sort()).toEqual([
      ['fast', 'succeeded'],
      ['slow', 'running'],
    ]);
  });

  it('flush writes what is deferred', async () => {
    const writer = createRunRecordWriter(db, { maxDeferMs: 60_000 });
    await writer.write(insert('r1'));
    writer.defer(step('s1', 'r1', 'running'));
    expect(writer.pending).toBe(1);
    await writer.flush();
    expect((await db.orm.select().from(runSteps)).map((s) => s.status)).toEqual(['running']);
  });
});
