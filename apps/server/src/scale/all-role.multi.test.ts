import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, seedChain, startCountingTarget, trigger, type Cluster } from './cluster';

// FLOWYARD_ROLE=all on PostgreSQL: one process admits runs to the shared queue and executes them
// itself; `?wait=true` answers with the outcome as soon as the run ends there.

let cluster: Cluster;
let target: Awaited<ReturnType<typeof startCountingTarget>>;

beforeAll(async () => {
  target = await startCountingTarget(() => 0);
  cluster = await createCluster();
}, 180_000);

afterAll(async () => {
  await cluster?.close();
  await target?.close();
});

describe('role all on PostgreSQL', () => {
  it('runs what it admits and answers ?wait=true with the outcome', async () => {
    const all = await cluster.start('all');
    const { flowId, key } = await seedChain(all.url, target.url, ['/one']);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => trigger(all.url, flowId, key, String(n), true)));
    expect(answers.map((answer) => [answer.status, answer.body.status])).toEqual(answers.map(() => [200, 'succeeded']));
    expect(await all.stop()).toBe(0);
  });
});
