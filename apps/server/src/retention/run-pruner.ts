import type { NamedLocks, Repos } from '@flowyard/db';
import { log } from '../log';
import { pruneIntegrationLogOnce } from './prune-integration-log';
import { pruneRunsOnce } from './prune-runs';
import type { RetentionPolicy } from './retention-policy';

export interface RunPrunerOptions {
  /** With `integrations`, integration logs are pruned by the same policy. */
  repos: Pick<Repos, 'flows' | 'runs'> & Partial<Pick<Repos, 'integrations'>>;
  /** Read before every pass, so a changed setting applies from the next one. */
  policy: () => Promise<RetentionPolicy> | RetentionPolicy;
  now: () => Date;
  /** Runs deleted per transaction: small, so the event loop (and the record writer) is never held long. */
  batchSize?: number;
  /** Time between passes (default one minute). */
  intervalMs?: number;
  /** Pause between batches of one pass, leaving the event loop to requests. */
  pauseMs?: number;
  /** The store's locks: a pass runs on one instance at a time; the others skip theirs meanwhile. */
  locks?: NamedLocks;
}

/** The lock a pruning pass holds, so instances sharing a database never prune at once. */
export const pruneLockName = 'retention-pruner';

/**
 * Prunes run records in the background: one pass per interval, in small batches until nothing is
 * left, on one instance at a time (an instance whose pass finds the lock held skips it).
 */
export function createRunPruner(options: RunPrunerOptions) {
  const batchSize = options.batchSize ?? 200;
  const intervalMs = options.intervalMs ?? 60_000;
  const pauseMs = options.pauseMs ?? 10;
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;
  let running: Promise<number> | null = null;

  async function pass(): Promise<number> {
    if (options.locks === undefined) return passHeld();
    const outcome = await options.locks.tryWithLock(pruneLockName, passHeld);
    return outcome.ran ? outcome.value : 0;
  }

  async function passHeld(): Promise<number> {
    const policy = await options.policy();
    let total = 0;
    for (;;) {
      const deleted = await pruneRunsOnce(options.repos, policy, options.now(), batchSize);
      // Log entries count with the runs against the batch: either keeps the pass going.
      const logged = options.repos.integrations === undefined ? 0 : await pruneIntegrationLogOnce({ integrations: options.repos.integrations }, policy, options.now(), batchSize);
      total += deleted;
      if (deleted < batchSize && logged < batchSize) return total;
      await new Promise((resolve) => setTimeout(resolve, pauseMs).unref());
    }
  }

  /** One pass now (or the one already going); resolves with how many runs it deleted. */
  function runNow(): Promise<number> {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runNow()
        .catch((error: unknown) => log.error('Pruning old runs failed; trying again at the next interval', error))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  return {
    runNow,
    start(): void {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}

export type RunPruner = ReturnType<typeof createRunPruner>;
