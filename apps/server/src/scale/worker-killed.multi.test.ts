import { openStore, type Store } from '@flowyard/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../testing/wait-for';
import { createCluster, seedChain, startCountingTarget, trigger, type Cluster, type Instance } from './cluster';

// Scenario 2 of issue 12: kill -9 a worker with 20 runs in flight against a slow target. Once
// their leases lapse the other worker takes them over and resumes each after the step that
// succeeded: the target never sees a succeeded step again; the step in flight runs again (attempt 2).

const count = 20;
let cluster: Cluster;
let store: Store;
let target: Awaited<ReturnType<typeof startCountingTarget>>;
let web: Instance;

beforeAll(async () => {
  // The first call of a run's slow step outlives the doomed worker; its repeat answers at once.
  target = await startCountingTarget((path, hit) => (path === '/slow' && hit === 1 ? 60_000 : 0));
  cluster = await createCluster({ FLOWYARD_RUN_LEASE_MS: '3000' });
  web = await cluster.start('web');
  store = await openStore(cluster.database.url);
}, 180_000);

afterAll(async () => {
  await store?.close();
  await cluster?.close();
  await target?.close();
});

describe('a worker killed mid-run', () => {
  it('has its runs finished by the other worker, with no succeeded step repeated', async () => {
    const { flowId, key } = await seedChain(web.url, target.url, ['/first', '/slow', '/last']);
    const doomed = await cluster.start('worker', { FLOWYARD_WORKER_CONCURRENCY: String(count) });
    const ids: string[] = [];
    for (let n = 0; n < count; n++) ids.push((await trigger(web.url, flowId, key, String(n))).body.runId);
    // Every run is in its slow step on the doomed worker.
    await waitFor(() => (target.inFlight === count ? true : undefined), 60_000);
    const survivor = await cluster.start('worker', { FLOWYARD_WORKER_CONCURRENCY: String(count) });
    await doomed.kill();

    const ended = await waitFor(async () => {
      const records = await Promise.all(ids.map((id) => store.repos.runs.get(id)));
      return records.every((record) => record !== undefined && record.run.status !== 'running') ? records : undefined;
    }, 120_000);
    expect(ended.map((record) => record?.run.status)).toEqual(ids.map(() => 'succeeded'));
    for (const record of ended) {
      expect(record?.run.attempt).toBe(2);
      const steps = new Map(record?.steps.map((step) => [step.nodeId, step]));
      // Succeeded on the first attempt and kept; the one in flight ran again as attempt 2.
      expect([steps.get('s1')?.attempt, steps.get('s2')?.attempt, steps.get('s3')?.attempt]).toEqual([1, 2, 2]);
    }
    for (let n = 0; n < count; n++) {
      expect([target.hits.get(`/first#${n}`), target.hits.get(`/slow#${n}`), target.hits.get(`/last#${n}`)]).toEqual([1, 2, 1]);
    }
    expect(survivor.output()).toMatch(/Took over \d+ run\(s\)|Took over/);
  }, 300_000);
});
