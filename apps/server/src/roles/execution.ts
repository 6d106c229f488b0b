import { log } from '../log';
import { startLeaseReaper } from '../runs/run-lease';
import type { RoleContext, StartedRole } from './role-context';

/**
 * Executing runs from the shared queue (roles `worker` and `all` on PostgreSQL): up to
 * FLOWYARD_WORKER_CONCURRENCY at once, each under a lease this process renews, plus the reaper
 * that takes over runs whose worker died. Stopping takes no more runs, lets those in flight
 * finish within FLOWYARD_SHUTDOWN_TIMEOUT_MS and hands the rest back, so none ends interrupted.
 */
export async function startExecution({ config, storage, services }: RoleContext): Promise<StartedRole> {
  const { runs } = services;
  runs.startLeases();
  const reaper = startLeaseReaper(storage.queue, { leaseMs: config.runLeaseMs, maxAttempts: config.runMaxAttempts }, () => Date.now());
  const consumer = await storage.queue.consume(config.workerConcurrency, (job) => runs.executeQueued(job));
  return {
    async stop() {
      // No new runs from here on; graphile waits for the jobs in flight, which drain ends.
      const stopped = consumer.stop();
      const { finished, handedBack } = await runs.drain(config.shutdownTimeoutMs);
      if (finished + handedBack > 0) log.info(`Runs in flight: ${finished} finished, ${handedBack} handed back to the queue`);
      await stopped;
      // Outbound integrations of the runs that just ended get a moment to finish their calls.
      await services.outboundEvents.whenIdle(5_000);
      await reaper.stop();
    },
  };
}
