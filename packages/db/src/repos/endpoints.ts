import type { AuthType } from '@flowyard/engine';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { EndpointRow } from '../tables';
import { first, type QueryContext } from './query-context';

/** An endpoint without its credentials: what export and import read (no secret column is selected). */
export type EndpointSummary = Pick<EndpointRow, 'id' | 'name' | 'nameKey' | 'baseUrl' | 'authType'>;

/** Endpoints (SPEC §2); their names are unique per workflow by `nameKey`. */
export function endpointsRepo({ orm, t, write }: QueryContext) {
  const { endpoints } = t;
  const inWorkflow = (workflowId: string) => eq(endpoints.workflowId, workflowId);
  return {
    get: (id: string): Promise<EndpointRow | undefined> => first(orm.select().from(endpoints).where(eq(endpoints.id, id))),
    getInWorkflow: (workflowId: string, id: string): Promise<EndpointRow | undefined> =>
      first(orm.select().from(endpoints).where(and(eq(endpoints.id, id), inWorkflow(workflowId)))),
    findByNameKey: (workflowId: string, nameKey: string): Promise<EndpointRow | undefined> =>
      first(orm.select().from(endpoints).where(and(inWorkflow(workflowId), eq(endpoints.nameKey, nameKey)))),
    /** The workflow's first endpoint of `authType` (the built-in one is the only `flowyard`). */
    findByAuthType: (workflowId: string, authType: AuthType): Promise<EndpointRow | undefined> =>
      first(orm.select().from(endpoints).where(and(inWorkflow(workflowId), eq(endpoints.authType, authType)))),
    /** A workflow's endpoints by name key, then name. */
    listByWorkflow: async (workflowId: string): Promise<EndpointRow[]> =>
      orm.select().from(endpoints).where(inWorkflow(workflowId)).orderBy(asc(endpoints.nameKey), asc(endpoints.name)),
    summaries: async (workflowId: string): Promise<EndpointSummary[]> =>
      orm
        .select({ id: endpoints.id, name: endpoints.name, nameKey: endpoints.nameKey, baseUrl: endpoints.baseUrl, authType: endpoints.authType })
        .from(endpoints)
        .where(inWorkflow(workflowId)),
    /** Which of `ids` are endpoints of the workflow. */
    async existingIds(workflowId: string, ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await orm
        .select({ id: endpoints.id })
        .from(endpoints)
        .where(and(inWorkflow(workflowId), inArray(endpoints.id, [...ids])));
      return new Set(rows.map((row) => row.id));
    },
    insert: (row: EndpointRow): Promise<void> => write((o) => [o.insert(endpoints).values(row)]),
    insertMany: (rows: readonly EndpointRow[]): Promise<void> => write((o) => (rows.length === 0 ? [] : [o.insert(endpoints).values([...rows])])),
    update: (id: string, changes: Partial<Omit<EndpointRow, 'id'>>): Promise<void> => write((o) => [o.update(endpoints).set(changes).where(eq(endpoints.id, id))]),
    delete: (id: string): Promise<void> => write((o) => [o.delete(endpoints).where(eq(endpoints.id, id))]),
  };
}
