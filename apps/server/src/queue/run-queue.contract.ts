import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../testing/wait-for';
import type { RunJob, RunQueue } from './run-queue';

/** A queue under test, and how to be rid of it (and of what it stands on) afterwards. */
export interface RunQueueUnderTest {
  queue: RunQueue;
  close(): Promise<void>;
}

/**
 * What every RunQueue does, whichever holds the jobs (after n8n's job-queue.contract.ts): run by
 * each implementation's test file with a factory that makes a fresh, empty queue.
 */
export function defineRunQueueContract(name: string, open: () => Promise<RunQueueUnderTest>): void {
  describe(`RunQueue contract: ${name}`, () => {
    let current: RunQueueUnderTest | undefined;
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    const fresh = async (): Promise<RunQueue> => (current = await open()).queue;
    const jobs = (count: number, attempt = 1): RunJob[] => Array.from({ length: count }, (_, i) => ({ runId: `r${i}`, attempt }));
    const key = (job: RunJob): string => `${job.runId}#${job.attempt}`;

    it('hands every job to the handler once, never more than `concurrency` at once', async () => {
      const queue = await fresh();
      const seen: string[] = [];
      let running = 0;
      let most = 0;
      const consumer = await queue.consume(3, async (job) => {
        running++;
        most = Math.max(most, running);
        seen.push(key(job));
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
      });
      await queue.enqueue(jobs(20));
      await waitFor(() => (seen.length >= 20 ? true : undefined), 15_000);
      await consumer.stop();
      expect([...seen].sort()).toEqual(jobs(20).map(key).sort());
      expect(most).toBeLessThanOrEqual(3);
    });

    it('takes jobs enqueued before anyone consumed, each attempt of a run as a job of its own', async () => {
      const queue = await fresh();
      await queue.enqueue([{ runId: 'early', attempt: 1 }]);
      await queue.enqueue([{ runId: 'early', attempt: 2 }]);
      const seen: string[] = [];
      const consumer = await queue.consume(2, async (job) => void seen.push(key(job)));
      await waitFor(() => (seen.length >= 2 ? true : undefined), 15_000);
      await consumer.stop();
      expect(seen.sort()).toEqual(['early#1', 'early#2']);
    });

    it('stop waits for the jobs in flight and takes no more; another consumer takes what is left', async () => {
      const queue = await fresh();
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first: string[] = [];
      const consumer = await queue.consume(1, async (job) => {
        first.push(key(job));
        await held;
      });
      await queue.enqueue([{ runId: 'a', attempt: 1 }]);
      await waitFor(() => (first.length === 1 ? true : undefined), 15_000);
      let stopped = false;
      const stopping = consumer.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(stopped).toBe(false);
      release();
      await stopping;
      await queue.enqueue([{ runId: 'b', attempt: 1 }]);
      const second: string[] = [];
      const next = await queue.consume(1, async (job) => void second.push(key(job)));
      await waitFor(() => (second.length === 1 ? true : undefined), 15_000);
      await next.stop();
      expect(first).toEqual(['a#1']);
      expect(second).toEqual(['b#1']);
    });
  });
}
