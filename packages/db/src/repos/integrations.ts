import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { IntegrationEndpointRefRow, IntegrationLogRow, IntegrationRow } from '../tables';
import { first, type Orm, type QueryContext, type WriteQuery } from './query-context';

/** Keyset position in an integration's log (newest first, ties by id). */
export interface IntegrationLogPosition {
  at: string;
  id: string;
}

/** Which log entries retention removes: older than a time, or at and past a position. */
export type IntegrationLogCut = { before: string } | { atOrOlderThan: IntegrationLogPosition };

/** An integration whose script names an endpoint literally, and how often. */
export interface IntegrationScriptUse {
  integrationId: string;
  integrationName: string;
  occurrences: number;
}

/** Keyset position in the integrations naming an endpoint (by name key, then id). */
export interface IntegrationUsePosition {
  nameKey: string;
  integrationId: string;
}

/** Integrations with their scripts' endpoint usage rows (written together), and their logs. */
export function integrationsRepo({ orm, t, write, returning }: QueryContext) {
  const { integrations, integrationEndpointRefs, integrationLog, integrationRateWindows } = t;
  const replaceRefs = (o: Orm, id: string, refs: readonly IntegrationEndpointRefRow[]): WriteQuery[] => [
    o.delete(integrationEndpointRefs).where(eq(integrationEndpointRefs.integrationId, id)),
    ...(refs.length > 0 ? [o.insert(integrationEndpointRefs).values([...refs])] : []),
  ];
  return {
    get: (id: string): Promise<IntegrationRow | undefined> => first(orm.select().from(integrations).where(eq(integrations.id, id))),
    /** A workflow's integrations by name key, then name. */
    listByWorkflow: (workflowId: string): Promise<IntegrationRow[]> =>
      orm.select().from(integrations).where(eq(integrations.workflowId, workflowId)).orderBy(asc(integrations.nameKey), asc(integrations.name)),
    findByNameKey: (workflowId: string, nameKey: string): Promise<IntegrationRow | undefined> =>
      first(orm.select().from(integrations).where(and(eq(integrations.workflowId, workflowId), eq(integrations.nameKey, nameKey)))),

    /** The integration and its script's usage rows. */
    insert: (row: IntegrationRow, refs: readonly IntegrationEndpointRefRow[]): Promise<void> =>
      write((o) => [o.insert(integrations).values(row), ...replaceRefs(o, row.id, refs)]),
    /** Integrations and their usage rows (import), parents first. */
    insertMany: (rows: readonly IntegrationRow[], refs: readonly IntegrationEndpointRefRow[]): Promise<void> =>
      write((o) => [...(rows.length > 0 ? [o.insert(integrations).values([...rows])] : []), ...(refs.length > 0 ? [o.insert(integrationEndpointRefs).values([...refs])] : [])]),
    /** Changes the integration and replaces its script's usage rows with `refs`. */
    update: (id: string, changes: Partial<Omit<IntegrationRow, 'id'>>, refs: readonly IntegrationEndpointRefRow[]): Promise<void> =>
      write((o) => [o.update(integrations).set(changes).where(eq(integrations.id, id)), ...replaceRefs(o, id, refs)]),
    /** The integration; its usage rows and log go with it (cascade). */
    delete: (id: string): Promise<void> => write((o) => [o.delete(integrations).where(eq(integrations.id, id))]),

    /** Integrations of the workflow whose scripts name `nameKey` literally, by name; a page of `limit` after `after` when given. */
    endpointScripts: async (
      workflowId: string,
      nameKey: string,
      page?: { limit: number; after?: IntegrationUsePosition | undefined },
    ): Promise<(IntegrationScriptUse & { nameKey: string })[]> => {
      const after = page?.after;
      const query = orm
        .select({ integrationId: integrationEndpointRefs.integrationId, integrationName: integrations.name, occurrences: integrationEndpointRefs.occurrences, nameKey: integrations.nameKey })
        .from(integrationEndpointRefs)
        .innerJoin(integrations, eq(integrations.id, integrationEndpointRefs.integrationId))
        .where(
          and(
            eq(integrationEndpointRefs.workflowId, workflowId),
            eq(integrationEndpointRefs.endpointNameKey, nameKey),
            after && sql`(${integrations.nameKey}, ${integrations.id}) > (${after.nameKey}, ${after.integrationId})`,
          ),
        )
        .orderBy(asc(integrations.nameKey), asc(integrations.id));
      return page ? query.limit(page.limit) : query;
    },
    /** How many integrations of the workflow name each of `nameKeys`. */
    async endpointScriptCounts(workflowId: string, nameKeys: readonly string[]): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      if (nameKeys.length === 0) return counts;
      const rows = await orm
        .select({ nameKey: integrationEndpointRefs.endpointNameKey, n: count() })
        .from(integrationEndpointRefs)
        .where(and(eq(integrationEndpointRefs.workflowId, workflowId), inArray(integrationEndpointRefs.endpointNameKey, [...nameKeys])))
        .groupBy(integrationEndpointRefs.endpointNameKey);
      for (const row of rows) counts.set(row.nameKey, row.n);
      return counts;
    },

    /** Records one call in the integration's log. */
    addLogEntry: (row: IntegrationLogRow): Promise<void> => write((o) => [o.insert(integrationLog).values(row)]),
    /** A page of the integration's log, newest first (ties by id), after `after` when given. */
    logPage: (integrationId: string, limit: number, after?: IntegrationLogPosition): Promise<IntegrationLogRow[]> =>
      orm
        .select()
        .from(integrationLog)
        .where(and(eq(integrationLog.integrationId, integrationId), after && sql`(${integrationLog.at}, ${integrationLog.id}) < (${after.at}, ${after.id})`))
        .orderBy(desc(integrationLog.at), desc(integrationLog.id))
        .limit(limit),
    /** Ids of every integration (retention walks them). */
    ids: async (): Promise<string[]> => (await orm.select({ id: integrations.id }).from(integrations).orderBy(asc(integrations.id))).map((row) => row.id),
    /** The position of the integration's log entry `offset` places from the newest, if it has that many. */
    logPositionAt: (integrationId: string, offset: number): Promise<IntegrationLogPosition | undefined> =>
      first(
        orm
          .select({ at: integrationLog.at, id: integrationLog.id })
          .from(integrationLog)
          .where(eq(integrationLog.integrationId, integrationId))
          .orderBy(desc(integrationLog.at), desc(integrationLog.id))
          .limit(1)
          .offset(offset),
      ),
    /**
     * Outside a unit of work: counts one event in the integration's rate window starting at
     * `windowStart` (ISO), atomically across instances; a later window starts again at 1, an
     * earlier one (a lagging clock) counts in the current. Resolves with the window's count.
     */
    async countInRateWindow(integrationId: string, windowStart: string): Promise<number> {
      const { windowStart: current, count: counted } = integrationRateWindows;
      const [row] = await returning((o) => [
        o
          .insert(integrationRateWindows)
          .values({ integrationId, windowStart, count: 1 })
          .onConflictDoUpdate({
            target: integrationRateWindows.integrationId,
            set: {
              count: sql`case when ${current} >= ${windowStart} then ${counted} + 1 else 1 end`,
              windowStart: sql`case when ${current} >= ${windowStart} then ${current} else ${windowStart} end`,
            },
          })
          .returning({ count: integrationRateWindows.count }),
      ]);
      return row?.count ?? 1;
    },
    /** Outside a unit of work: deletes at most `limit` of the integration's log entries past `cut`, oldest first; how many. */
    async deleteLogEntries(integrationId: string, cut: IntegrationLogCut, limit: number): Promise<number> {
      const past: SQL =
        'before' in cut ? sql`${integrationLog.at} < ${cut.before}` : sql`(${integrationLog.at}, ${integrationLog.id}) <= (${cut.atOrOlderThan.at}, ${cut.atOrOlderThan.id})`;
      const deleted = await returning((o) => [
        o
          .delete(integrationLog)
          .where(
            inArray(
              integrationLog.id,
              o
                .select({ id: integrationLog.id })
                .from(integrationLog)
                .where(and(eq(integrationLog.integrationId, integrationId), past))
                .orderBy(asc(integrationLog.at), asc(integrationLog.id))
                .limit(limit),
            ),
          )
          .returning({ id: integrationLog.id }),
      ]);
      return deleted.length;
    },
  };
}
