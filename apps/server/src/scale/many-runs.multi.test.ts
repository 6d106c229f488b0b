import { openStore, type Store } from '@flowyard/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../testing/wait-for';
import { createCluster, seedChain, startCountingTarget, trigger, type Cluster, type Instance } from './cluster';

// Scenario 1 of issue 12: two web instances and two workers, each its own process, on one
// PostgreSQL database; runs triggered over HTTP through both webs all succeed, each recorded once.

const runs = Number(process.env.FLOWYARD_SCALE_RUNS ?? 500);
const paths = ['/a', '/b'];

let cluster: Cluster;
let store: Store;
let target: Awaited<ReturnType<typeof startCountingTarget>>;
let webs: Instance[];

beforeAll(async () => {
  target = await startCountingTarget(() => 0);
  cluster = await createCluster();
  // The first web migrates and sets up; the others start on a database that is ready.
  const first = await cluster.start('web');
  webs = [first, ...(await Promise.all([cluster.start('web'), cluster.start('worker'), cluster.start('worker')])).slice(0, 1)];
  store = await openStore(cluster.database.url);
}, 180_000);

afterAll(async () => {
  await store?.close();
  await cluster?.close();
  await target?.close();
});

describe('two webs and two workers', () => {
  it(`runs ${runs} runs triggered through both webs: all succeed, each run and step recorded once`, async () => {
    const [webA, webB] = webs;
    if (webA === undefined || webB === undefined) throw new Error('two webs expected');
    const { flowId, key } = await seedChain(webA.url, target.url, paths);
    const ids: string[] = [];
    let next = 0;
    // 32 callers at once, alternating between the webs.
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < runs) {
          const n = next++;
          const { status, body } = await trigger(n % 2 === 0 ? webA.url : webB.url, flowId, key, String(n));
          expect(status).toBe(202);
          ids.push(body.runId);
        }
      }),
    );
    expect(new Set(ids).size).toBe(runs);
    const ended = await waitFor(async () => {
      const records = await Promise.all(ids.map((id) => store.repos.runs.get(id)));
      return records.every((record) => record !== undefined && record.run.status !== 'running') ? records : undefined;
    }, 240_000);
    expect(ended.filter((record) => record?.run.status === 'succeeded')).toHaveLength(runs);
    for (const record of ended) {
      // One record per step, from the first attempt: nothing ran twice.
      expect(record?.steps.map((step) => `${step.nodeId}:${step.status}:${step.attempt}`).sort()).toEqual(['hook:succeeded:1', 's1:succeeded:1', 's2:succeeded:1']);
    }
    expect((await store.repos.runs.list({ flowId }, runs + 10)).length).toBe(runs);
    for (const path of paths) for (let n = 0; n < runs; n++) expect(target.hits.get(`${path}#${n}`)).toBe(1);
  }, 400_000);
});
