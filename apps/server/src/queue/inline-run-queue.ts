import type { RunConsumer, RunJob, RunQueue } from './run-queue';

/**
 * The queue of one process (SQLite, role `all`): the runs service executes the runs it admits
 * itself, so this only hands on jobs enqueued explicitly, in order, up to the concurrency asked
 * for. No lease ever lapses and nothing is handed back: there is no other process to take a run.
 */
export function createInlineRunQueue(): RunQueue {
  const waiting: RunJob[] = [];
  const consumers = new Set<{ pump(): void; stop(): Promise<void> }>();

  const pumpAll = (): void => {
    for (const consumer of consumers) consumer.pump();
  };

  return {
    mode: 'inline',
    async enqueue(jobs) {
      waiting.push(...jobs);
      pumpAll();
    },
    async consume(concurrency, execute): Promise<RunConsumer> {
      const running = new Set<Promise<void>>();
      let stopped = false;
      const consumer = {
        pump(): void {
          while (!stopped && running.size < concurrency) {
            const job = waiting.shift();
            if (job === undefined) return;
            const done: Promise<void> = execute(job)
              .catch(() => undefined)
              .finally(() => {
                running.delete(done);
                consumer.pump();
              });
            running.add(done);
          }
        },
        async stop(): Promise<void> {
          stopped = true;
          consumers.delete(consumer);
          while (running.size > 0) await Promise.all(running);
        },
      };
      consumers.add(consumer);
      // Jobs enqueued before anyone consumed are taken now, on the next turn (as a queue would).
      queueMicrotask(() => consumer.pump());
      return consumer;
    },
    readmitLapsed: async () => 0,
    handBack: async () => 0,
    async close() {
      await Promise.all([...consumers].map((consumer) => consumer.stop()));
    },
  };
}
