import { count, eq, min } from 'drizzle-orm';
import type { QueryContext } from './query-context';

/** How many runs wait, and since when the oldest: for /metrics. */
export interface RunQueueStats {
  depth: number;
  /** The start (ISO) of the oldest waiting run; null when none waits. */
  oldestStartedAt: string | null;
}

/**
 * The runs not yet finished, read for metrics. Today a run is recorded `running` from admission to
 * its end (there is no separate queued state or lease yet), so these are the runs admitted and not
 * finished; when runs gain a lease, this is where to narrow it to those without one.
 */
export function runQueueStatsRepo({ orm, t }: QueryContext) {
  const { runs } = t;
  return {
    read: async (): Promise<RunQueueStats> => {
      const [row] = await orm.select({ depth: count(), oldest: min(runs.startedAt) }).from(runs).where(eq(runs.status, 'running'));
      return { depth: Number(row?.depth ?? 0), oldestStartedAt: row?.oldest ?? null };
    },
  };
}
