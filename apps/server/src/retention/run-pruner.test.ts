import type { RunInsertRow, Store } from '@flowyard/db';
import { openTestStore, type TestSql } from '@flowyard/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneRunsOnce } from './prune-runs';
import { retentionFromEnv } from './retention-policy';
import { createRunPruner, pruneLockName } from './run-pruner';

const now = new Date('2024-03-01T12:00:00.000Z');
const daysAgo = (days: number, extraMs = 0) => new Date(now.getTime() - days * 86_400_000 + extraMs).toISOString();

let store: Store;
let sql: TestSql;
beforeEach(async () => {
  ({ store, sql } = await openTestStore());
  await store.repos.workflows.insert({ id: 'w1', name: 'Default' });
  await store.repos.users.insert({ id: 'u1', name: 'Ada', email: 'ada@example.com', role: 'admin', passwordHash: null, disabled: false, createdAt: 'x', updatedAt: null });
  for (const id of ['fa', 'fb']) await store.repos.flows.insert({ id, workflowId: 'w1', name: id, graph: { nodes: [], edges: [] }, version: 1, enabled: true, createdAt: 'x', updatedAt: 'x' });
});
afterEach(() => store.close());

async function addRun(id: string, flowId: string, startedAt: string, status: RunInsertRow['status'] = 'succeeded'): Promise<void> {
  const run = { id, flowId, workflowId: 'w1', flowVersion: 1, status, triggerType: 'manual' as const, triggerNodeId: 't', userId: 'u1', payload: {}, startedAt };
  const step = { id: `${id}-s`, runId: id, nodeId: 't', stepType: 'manual-trigger', name: 'T', status: 'succeeded' as const, startedAt, finishedAt: null, durationMs: null, inputs: {}, outputs: null, exchanges: [], logs: [], error: null, pinned: false, tries: null, replayedFrom: null, attempt: 1, nextHandle: null };
  await store.runRecords.write({ runs: [run], steps: [step], runUpdates: [] });
}

const ids = async (flowId?: string) => (await sql.query(`SELECT id FROM runs ${flowId ? 'WHERE flow_id = ?' : ''} ORDER BY id`, flowId ? [flowId] : [])).map((r) => String(r.id));
const stepRunIds = async () => (await sql.query('SELECT run_id FROM run_steps ORDER BY run_id')).map((r) => String(r.run_id));

describe('pruning runs', () => {
  it('by age: deletes finished runs that started before the cut-off, with their steps, and nothing else', async () => {
    await addRun('a-old', 'fa', daysAgo(10));
    await addRun('a-edge-out', 'fa', daysAgo(7, -1));
    await addRun('a-edge-in', 'fa', daysAgo(7));
    await addRun('a-new', 'fa', daysAgo(1));
    await addRun('a-old-running', 'fa', daysAgo(30), 'running');
    await addRun('b-old', 'fb', daysAgo(8), 'failed');
    await addRun('b-new', 'fb', daysAgo(0));

    const deleted = await pruneRunsOnce(store.repos, { maxAgeDays: 7, maxRunsPerFlow: null }, now, 100);
    expect(deleted).toBe(3);
    expect(await ids()).toEqual(['a-edge-in', 'a-new', 'a-old-running', 'b-new']);
    expect(await stepRunIds()).toEqual(['a-edge-in', 'a-new', 'a-old-running', 'b-new']);
  });

  it('by count: keeps the newest runs of each flow (ties by id), never a running one', async () => {
    for (let i = 0; i < 6; i++) await addRun(`a${i}`, 'fa', daysAgo(6 - i));
    await addRun('a-tie-x', 'fa', daysAgo(1));
    await addRun('b0', 'fb', daysAgo(50));
    await addRun('b1', 'fb', daysAgo(40), 'running');

    const deleted = await pruneRunsOnce(store.repos, { maxAgeDays: null, maxRunsPerFlow: 3 }, now, 100);
    // fa newest first: a5 (0 d), a-tie-x and a4 (1 d; the larger id is newer), then a3 …
    expect(await ids('fa')).toEqual(['a-tie-x', 'a4', 'a5']);
    expect(await ids('fb')).toEqual(['b0', 'b1']);
    expect(deleted).toBe(4);
  });

  it('both settings: a run goes when either says so', async () => {
    await addRun('a0', 'fa', daysAgo(20));
    await addRun('a1', 'fa', daysAgo(3));
    await addRun('a2', 'fa', daysAgo(2));
    await addRun('a3', 'fa', daysAgo(1));
    await pruneRunsOnce(store.repos, { maxAgeDays: 10, maxRunsPerFlow: 2 }, now, 100);
    expect(await ids()).toEqual(['a2', 'a3']);
  });

  it('keeps everything when nothing is set', async () => {
    await addRun('a0', 'fa', daysAgo(2000));
    expect(await pruneRunsOnce(store.repos, { maxAgeDays: null, maxRunsPerFlow: null }, now, 100)).toBe(0);
    expect(await ids()).toEqual(['a0']);
  });

  it('deletes at most one batch per call, oldest first; the pruner loops until done', async () => {
    for (let i = 0; i < 25; i++) await addRun(`a${String(i).padStart(2, '0')}`, 'fa', daysAgo(100 - i));
    await addRun('keep', 'fa', daysAgo(1));
    expect(await pruneRunsOnce(store.repos, { maxAgeDays: 30, maxRunsPerFlow: null }, now, 10)).toBe(10);
    expect((await ids())[0]).toBe('a10');

    let policyReads = 0;
    const pruner = createRunPruner({
      repos: store.repos,
      policy: () => {
        policyReads++;
        return { maxAgeDays: 30, maxRunsPerFlow: null };
      },
      now: () => now,
      batchSize: 4,
      pauseMs: 0,
    });
    expect(await pruner.runNow()).toBe(15);
    expect(await ids()).toEqual(['keep']);
    expect(policyReads).toBe(1);
    await pruner.stop();
  });

  it('reads the environment: days and count per flow, blank or unset keeps forever, bad values named', () => {
    expect(retentionFromEnv({})).toEqual({ maxAgeDays: null, maxRunsPerFlow: null });
    expect(retentionFromEnv({ FLOWYARD_RUN_RETENTION_DAYS: '30', FLOWYARD_RUN_RETENTION_MAX_RUNS: ' ' })).toEqual({ maxAgeDays: 30, maxRunsPerFlow: null });
    expect(retentionFromEnv({ FLOWYARD_RUN_RETENTION_MAX_RUNS: '1000' })).toEqual({ maxAgeDays: null, maxRunsPerFlow: 1000 });
    expect(() => retentionFromEnv({ FLOWYARD_RUN_RETENTION_DAYS: 'a week' })).toThrow(/FLOWYARD_RUN_RETENTION_DAYS/);
    expect(() => retentionFromEnv({ FLOWYARD_RUN_RETENTION_MAX_RUNS: '0' })).toThrow(/FLOWYARD_RUN_RETENTION_MAX_RUNS/);
  });

  it('runs on one instance at a time: a pass that finds the lock held elsewhere skips', async () => {
    await addRun('old', 'fa', daysAgo(30));
    const pruner = createRunPruner({ repos: store.repos, policy: () => ({ maxAgeDays: 7, maxRunsPerFlow: null }), now: () => now, locks: store.locks });
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    // Another instance's pass (on PostgreSQL the lock is the database's, whichever store takes it).
    const elsewhere = store.locks.withLock(pruneLockName, async () => {
      entered();
      await released;
    });
    await inside;
    expect(await pruner.runNow()).toBe(0);
    expect(await ids()).toEqual(['old']);
    release();
    await elsewhere;
    expect(await pruner.runNow()).toBe(1);
  });
});
