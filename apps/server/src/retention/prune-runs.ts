import type { Repos } from '@flowyard/db';
import type { RetentionPolicy } from './retention-policy';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Deletes at most `limit` runs (their steps go with them, by cascade) that `policy` no longer
 * keeps, oldest first, one delete at a time; returns how many. Runs still running are never
 * deleted. Each flow is pruned through the (flow_id, started_at, id) index.
 */
export async function pruneRunsOnce(repos: Pick<Repos, 'flows' | 'runs'>, policy: RetentionPolicy, now: Date, limit: number): Promise<number> {
  if (policy.maxAgeDays === null && policy.maxRunsPerFlow === null) return 0;
  let deleted = 0;
  for (const flowId of await repos.flows.ids()) {
    if (deleted >= limit) break;
    if (policy.maxAgeDays !== null) {
      const startedBefore = new Date(now.getTime() - policy.maxAgeDays * dayMs).toISOString();
      deleted += await repos.runs.deleteFinished(flowId, { startedBefore }, limit - deleted);
    }
    if (policy.maxRunsPerFlow !== null && deleted < limit) {
      // The newest run past the limit: it and everything older go.
      const cut = await repos.runs.positionAt(flowId, policy.maxRunsPerFlow);
      if (cut !== undefined) deleted += await repos.runs.deleteFinished(flowId, { atOrOlderThan: cut }, limit - deleted);
    }
  }
  return deleted;
}
