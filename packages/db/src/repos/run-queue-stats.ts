import { and, count, eq, isNull, lt, min, or } from 'drizzle-orm';
import type { QueryContext } from './query-context';

/** How many runs wait, and since when the oldest: for /metrics. */
export interface RunQueueStats {
  depth: number;
  /** The start (ISO) of the oldest waiting run; null when none waits. */
  oldestStartedAt: string | null;
}

/**
 * The runs waiting for a worker, read for metrics: recorded `running` (a run is, from admission to
 * its end) with no lease, or with one that lapsed at `nowMs` (its worker is gone). On SQLite runs
 * never hold a lease, so every unfinished run counts.
 */
export function runQueueStatsRepo({ orm, t }: QueryContext) {
  const { runs } = t;
  return {
    read: async (nowMs: number): Promise<RunQueueStats> => {
      const [row] = await orm
        .select({ depth: count(), oldest: min(runs.startedAt) })
        .from(runs)
        .where(and(eq(runs.status, 'running'), or(isNull(runs.leaseOwner), lt(runs.leaseUntil, nowMs))));
      return { depth: Number(row?.depth ?? 0), oldestStartedAt: row?.oldest ?? null };
    },
  };
}
