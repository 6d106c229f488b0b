import { afterAll, describe, expect, it } from 'vitest';
import { createScriptPool } from './script-pool';
import type { RunScriptOptions } from './script-types';

// Two workers, so one flow may hold one of them (the default cap is half the pool).
const pool = createScriptPool({ size: 2, maxWorkers: 2, terminateGraceMs: 200 });
afterAll(() => pool.close());

const script = (source: string, fairnessKey: string, timeoutMs: number): RunScriptOptions => ({
  source,
  input: {},
  constants: {},
  libraries: {},
  request: () => Promise.reject(new Error('no requests here')),
  timeoutMs,
  fairnessKey,
});

describe('script pool fairness', () => {
  it('starts a trivial script of another flow within a second while 20 runaway scripts of one flow wait for the pool', { timeout: 60_000 }, async () => {
    await pool.warmUp();
    // A worker's first script is slow under tsx (seconds): run one on each worker before measuring.
    await Promise.all(['warm-1', 'warm-2'].map((key) => pool.run(script("output.x = '1'", key, 30_000))));
    // Busy loops up to their time limit: before the cap, these 20 held every worker for 20 × 10 s / 2.
    const runaways = Array.from({ length: 20 }, () => pool.run(script('while (true) {}', 'flow-A', 10_000)).then(
      () => 'finished',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    ));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pool.stats()).toMatchObject({ busy: 1, queued: 19 });

    const asked = Date.now();
    const trivial = pool.run(script("output['startedAt'] = String(Date.now());", 'flow-B', 5_000));
    const outcome = await Promise.race([trivial, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 5_000))]);
    expect(outcome, 'the trivial script did not finish within 5 s').toBeDefined();
    expect(Number(outcome?.outputs['startedAt']) - asked).toBeLessThan(1_000);
    // Closing fails the runaways still waiting; each settles.
    await pool.close();
    await Promise.all(runaways);
  });

  it('serves waiting keys in turn instead of first come, first served', { timeout: 60_000 }, async () => {
    const order: string[] = [];
    const fair = createScriptPool({ size: 1, maxWorkers: 1 });
    try {
      await fair.warmUp();
      const runs = [
        ...['A', 'A', 'A'].map((key, i) => fair.run(script(`output.n = '${i}'`, key, 5_000)).then(() => void order.push(`${key}${i}`))),
        ...['B', 'C'].map((key) => fair.run(script(`output.n = '0'`, key, 5_000)).then(() => void order.push(`${key}0`))),
      ];
      await Promise.all(runs);
    } finally {
      await fair.close();
    }
    // A took the worker first; then B and C got their turn before A's second and third.
    expect(order).toEqual(['A0', 'B0', 'C0', 'A1', 'A2']);
  });
});
