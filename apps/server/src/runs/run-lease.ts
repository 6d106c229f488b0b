import type { Repos } from '@flowyard/db';
import { log } from '../log';
import type { RunQueue } from '../queue/run-queue';

export interface LeaseSettings {
  /** How long a lease holds without a heartbeat (FLOWYARD_RUN_LEASE_MS, default 30 s). */
  leaseMs: number;
  /** Past this attempt a run taken over ends `interrupted` with RUN_INTERRUPTED (FLOWYARD_RUN_MAX_ATTEMPTS, default 3). */
  maxAttempts: number;
}

export const defaultLeaseSettings: LeaseSettings = { leaseMs: 30_000, maxAttempts: 3 };

/**
 * A worker's leases: a run it executes is claimed for it (compare-and-set on the run row), and
 * every lease it holds is renewed by one heartbeat every third of the lease. A run whose lease it
 * no longer holds (it lapsed, say through a long pause, and another worker took it over) is
 * reported lost, so its records stop here.
 */
export function createLeaseKeeper(options: { runs: Repos['runs']; owner: string; settings: LeaseSettings; now: () => number; onLost(runIds: string[]): void }) {
  const { runs, owner, settings, now } = options;
  // Runs this process leases, with when each was claimed (a heartbeat only judges runs claimed before it began).
  const held = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  let beating: Promise<void> | null = null;

  async function heartbeat(): Promise<void> {
    if (held.size === 0) return;
    const began = now();
    const renewed = new Set(await runs.renewLeases(owner, began + settings.leaseMs));
    const lost = [...held].filter(([runId, claimedAt]) => claimedAt < began && !renewed.has(runId)).map(([runId]) => runId);
    for (const runId of lost) held.delete(runId);
    if (lost.length > 0) options.onLost(lost);
  }

  return {
    /** Claims the run's attempt for this worker; false when it is not this worker's to run (over, or leased elsewhere). */
    async claim(runId: string, attempt: number): Promise<boolean> {
      const at = now();
      const claimed = await runs.claimLease(runId, attempt, owner, at + settings.leaseMs, at);
      if (claimed) held.set(runId, at);
      return claimed;
    },
    /** The run is over here (ended, or handed back). */
    drop(runId: string): void {
      held.delete(runId);
    },
    start(): void {
      if (timer !== null) return;
      timer = setInterval(() => {
        if (beating !== null) return;
        beating = heartbeat()
          .catch((error: unknown) => log.error('Renewing run leases failed (they are renewed again shortly)', error))
          .finally(() => (beating = null));
      }, Math.max(50, Math.floor(settings.leaseMs / 3)));
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer !== null) clearInterval(timer);
      timer = null;
      await beating;
    },
  };
}

export type LeaseKeeper = ReturnType<typeof createLeaseKeeper>;

/**
 * Takes over runs whose lease lapsed (their worker died or hung): every half lease, one instance
 * at a time (an advisory lock inside the queue's statement) re-admits them as their next attempt;
 * a run past its last attempt then ends `interrupted` when a worker takes it.
 */
export function startLeaseReaper(queue: RunQueue, settings: LeaseSettings, now: () => number): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running !== null) return;
    running = queue
      .readmitLapsed(now())
      .then((count) => {
        if (count > 0) log.warn(`Took over ${count} run(s) whose worker stopped renewing its lease`);
      })
      .catch((error: unknown) => log.error('Taking over runs with lapsed leases failed (tried again shortly)', error))
      .finally(() => (running = null));
  }, Math.max(50, Math.floor(settings.leaseMs / 2)));
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
