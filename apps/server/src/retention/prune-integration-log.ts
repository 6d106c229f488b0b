import type { Repos } from '@flowyard/db';
import type { RetentionPolicy } from './retention-policy';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Deletes at most `limit` integration log entries that the run retention `policy` no longer keeps
 * (SPEC §10: the log obeys run retention): older than `maxAgeDays`, or past the newest
 * `maxRunsPerFlow` entries of each integration; oldest first; returns how many.
 */
export async function pruneIntegrationLogOnce(repos: Pick<Repos, 'integrations'>, policy: RetentionPolicy, now: Date, limit: number): Promise<number> {
  if (policy.maxAgeDays === null && policy.maxRunsPerFlow === null) return 0;
  let deleted = 0;
  for (const integrationId of await repos.integrations.ids()) {
    if (deleted >= limit) break;
    if (policy.maxAgeDays !== null) {
      const before = new Date(now.getTime() - policy.maxAgeDays * dayMs).toISOString();
      deleted += await repos.integrations.deleteLogEntries(integrationId, { before }, limit - deleted);
    }
    if (policy.maxRunsPerFlow !== null && deleted < limit) {
      const cut = await repos.integrations.logPositionAt(integrationId, policy.maxRunsPerFlow);
      if (cut !== undefined) deleted += await repos.integrations.deleteLogEntries(integrationId, { atOrOlderThan: cut }, limit - deleted);
    }
  }
  return deleted;
}
