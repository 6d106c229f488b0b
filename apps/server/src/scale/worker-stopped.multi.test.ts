import { openStore, type Store } from '@flowyard/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../testing/wait-for';
import { createCluster, seedChain, startCountingTarget, trigger, type Cluster, type Instance } from './cluster';

// Scenario 6 of issue 12: SIGTERM a worker mid-run. It takes no more runs, lets those in flight
// finish within FLOWYARD_SHUTDOWN_TIMEOUT_MS and hands the rest back; none ends interrupted.

const count = 10;
let cluster: Cluster;
let store: Store;
let target: Awaited<ReturnType<typeof startCountingTarget>>;
let web: Instance;
let chain: { flowId: string; key: string };

beforeAll(async () => {
  // Runs 0–9 finish their slow step within the first worker's timeout; runs 100–109 are held long past the second's, and their repeat answers at once.
  target = await startCountingTarget((path, hit, id) => (path !== '/slow' || hit > 1 ? 0 : Number(id) >= 100 ? 60_000 : 3_000));
  cluster = await createCluster({ FLOWYARD_RUN_LEASE_MS: '3000' });
  web = await cluster.start('web');
  store = await openStore(cluster.database.url);
  chain = await seedChain(web.url, target.url, ['/first', '/slow', '/last']);
}, 180_000);

afterAll(async () => {
  await store?.close();
  await cluster?.close();
  await target?.close();
});

async function startRuns(from: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = from; n < from + count; n++) ids.push((await trigger(web.url, chain.flowId, chain.key, String(n))).body.runId);
  return ids;
}

async function ended(ids: string[]) {
  return waitFor(async () => {
    const records = await Promise.all(ids.map((id) => store.repos.runs.get(id)));
    return records.every((record) => record !== undefined && record.run.status !== 'running') ? records : undefined;
  }, 120_000);
}

describe('a worker stopped with SIGTERM', () => {
  it('finishes the runs in flight within its shutdown timeout', async () => {
    const worker = await cluster.start('worker', { FLOWYARD_SHUTDOWN_TIMEOUT_MS: '20000' });
    const ids = await startRuns(0);
    await waitFor(() => (target.inFlight === count ? true : undefined), 60_000);
    expect(await worker.stop()).toBe(0);
    const records = await ended(ids);
    expect(records.map((record) => [record?.run.status, record?.run.attempt])).toEqual(ids.map(() => ['succeeded', 1]));
    expect(worker.output()).toContain(`Runs in flight: ${count} finished, 0 handed back`);
  });

  it('hands back what is still running after the timeout; another worker finishes it, none interrupted', async () => {
    const stopping = await cluster.start('worker', { FLOWYARD_SHUTDOWN_TIMEOUT_MS: '500' });
    const ids = await startRuns(100);
    await waitFor(() => (target.inFlight === count ? true : undefined), 60_000);
    const other = await cluster.start('worker');
    expect(await stopping.stop()).toBe(0);
    expect(stopping.output()).toContain(`Runs in flight: 0 finished, ${count} handed back`);
    const records = await ended(ids);
    expect(records.map((record) => record?.run.status)).toEqual(ids.map(() => 'succeeded'));
    for (const record of records) {
      const steps = new Map(record?.steps.map((step) => [step.nodeId, step]));
      expect([record?.run.attempt, steps.get('s1')?.attempt, steps.get('s2')?.attempt]).toEqual([2, 1, 2]);
    }
    for (let n = 100; n < 100 + count; n++) expect(target.hits.get(`/first#${n}`)).toBe(1);
    await other.stop();
  });
});
