import type { Repos } from '@flowyard/db';
import type { RunEvent } from '@flowyard/engine';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds: a run or step of a few milliseconds up to one of many minutes. */
const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];

/** How a run ended, as the finished-runs counter labels it. */
type EndedStatus = 'succeeded' | 'failed' | 'interrupted';

/**
 * The process's Prometheus metrics, in a registry of its own (tests build many apps in one
 * process). Queue figures are read from the runs table when scraped, so every instance reports
 * the same database-wide figures.
 */
export function createMetrics(options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics === true) collectDefaultMetrics({ register: registry, prefix: 'flowyard_process_' });
  let queueSource: Pick<Repos, 'runQueueStats'> | undefined;
  let now: () => Date = () => new Date();

  const runsStarted = new Counter({ name: 'flowyard_runs_started_total', help: 'Runs (attempts) this instance started executing', registers: [registry] });
  const runsFinished = new Counter({
    name: 'flowyard_runs_finished_total',
    help: 'Runs this instance executed to their end, by status (succeeded, failed, interrupted)',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const runDuration = new Histogram({ name: 'flowyard_run_duration_seconds', help: 'Duration of finished runs', labelNames: ['status'] as const, buckets: durationBuckets, registers: [registry] });
  const stepDuration = new Histogram({
    name: 'flowyard_step_duration_seconds',
    help: 'Duration of finished steps, by step type and status',
    labelNames: ['type', 'status'] as const,
    buckets: durationBuckets,
    registers: [registry],
  });
  const tokenRequests = new Counter({ name: 'flowyard_token_requests_total', help: 'Token requests this instance sent (OAuth2, Salesforce, Graph, Remedy)', registers: [registry] });

  // One query per scrape serves both gauges.
  let pendingStats: Promise<{ depth: number; ageSeconds: number }> | undefined;
  const readQueue = (): Promise<{ depth: number; ageSeconds: number }> => {
    if (queueSource === undefined) return Promise.resolve({ depth: 0, ageSeconds: 0 });
    const source = queueSource;
    pendingStats ??= source.runQueueStats
      .read(now().getTime())
      .then((stats) => ({
        depth: stats.depth,
        ageSeconds: stats.oldestStartedAt === null ? 0 : Math.max(0, (now().getTime() - Date.parse(stats.oldestStartedAt)) / 1000),
      }))
      .finally(() => {
        pendingStats = undefined;
      });
    return pendingStats;
  };
  new Gauge({
    name: 'flowyard_queue_depth',
    help: 'Runs waiting for a worker (no lease, or a lapsed one), across every instance on the database',
    registers: [registry],
    async collect() {
      this.set((await readQueue()).depth);
    },
  });
  new Gauge({
    name: 'flowyard_queue_oldest_age_seconds',
    help: 'Age of the oldest run waiting for a worker (0 when none)',
    registers: [registry],
    async collect() {
      this.set((await readQueue()).ageSeconds);
    },
  });

  return {
    registry,
    /** Where the queue gauges read from (the store's repositories), once the store is open. */
    readQueueFrom(repos: Pick<Repos, 'runQueueStats'>, clock: () => Date = () => new Date()): void {
      queueSource = repos;
      now = clock;
    },
    runStarted(): void {
      runsStarted.inc();
    },
    /** Counts what a run's record says once it ended: the run's end, or a step's. */
    observe(event: RunEvent): void {
      if (event.type === 'run') {
        const { status, durationMs } = event.run;
        if (status === 'running') return;
        const ended: EndedStatus = status;
        runsFinished.inc({ status: ended });
        if (durationMs !== null) runDuration.observe({ status: ended }, durationMs / 1000);
        return;
      }
      const { step } = event;
      if (step.status === 'running' || step.durationMs === null) return;
      stepDuration.observe({ type: step.stepType, status: step.status }, step.durationMs / 1000);
    },
    tokenRequested(): void {
      tokenRequests.inc();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
