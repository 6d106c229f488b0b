import type { FlowyardDb } from '@flowyard/db';
import type { RetentionPolicy } from './retention-policy';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Deletes at most `limit` runs (their steps go with them, by cascade) that `policy` no longer
 * keeps, oldest first, in one transaction; returns how many. Runs still running are never
 * deleted. Each flow is pruned through the (flow_id, started_at, id) index.
 */
export async function pruneRunsOnce(db: FlowyardDb, policy: RetentionPolicy, now: Date, limit: number): Promise<number> {
  if (policy.maxAgeDays === null && policy.maxRunsPerFlow === null) return 0;
  const flows = await db.client.execute('SELECT id FROM flows ORDER BY id');
  let deleted = 0;
  for (const row of flows.rows) {
    if (deleted >= limit) break;
    const flowId = String(row.id);
    const left = limit - deleted;
    if (policy.maxAgeDays !== null) {
      const before = new Date(now.getTime() - policy.maxAgeDays * dayMs).toISOString();
      deleted += await deleteWhere(db, flowId, 'started_at < ?', [before], left);
    }
    if (policy.maxRunsPerFlow !== null && deleted < limit) {
      // The newest run past the limit: it and everything older go.
      const cut = await db.client.execute({
        sql: 'SELECT started_at, id FROM runs WHERE flow_id = ? ORDER BY started_at DESC, id DESC LIMIT 1 OFFSET ?',
        args: [flowId, policy.maxRunsPerFlow],
      });
      const first = cut.rows[0];
      if (first !== undefined) {
        deleted += await deleteWhere(db, flowId, '(started_at, id) <= (?, ?)', [String(first.started_at), String(first.id)], limit - deleted);
      }
    }
  }
  return deleted;
}

async function deleteWhere(db: FlowyardDb, flowId: string, condition: string, args: string[], limit: number): Promise<number> {
  const result = await db.client.execute({
    sql: `DELETE FROM runs WHERE id IN (SELECT id FROM runs WHERE flow_id = ? AND ${condition} AND status != 'running' ORDER BY started_at, id LIMIT ?)`,
    args: [flowId, ...args, limit],
  });
  return result.rowsAffected;
}
