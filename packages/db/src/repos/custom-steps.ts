import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { CustomStepRow, ScriptEndpointRefRow } from '../tables';
import { first, type QueryContext, type WriteQuery, type Orm } from './query-context';

/** Custom step definitions, with their script's rows of the usage index (script_endpoint_refs), written together. */
export function customStepsRepo({ orm, t, write }: QueryContext) {
  const { customSteps, scriptEndpointRefs } = t;
  const replaceRefs = (o: Orm, id: string, refs: readonly ScriptEndpointRefRow[]): WriteQuery[] => [
    o.delete(scriptEndpointRefs).where(eq(scriptEndpointRefs.customStepId, id)),
    ...(refs.length > 0 ? [o.insert(scriptEndpointRefs).values([...refs])] : []),
  ];
  return {
    get: (id: string): Promise<CustomStepRow | undefined> => first(orm.select().from(customSteps).where(eq(customSteps.id, id))),
    /** A workflow's custom steps by name key, then name. */
    listByWorkflow: async (workflowId: string): Promise<CustomStepRow[]> =>
      orm.select().from(customSteps).where(eq(customSteps.workflowId, workflowId)).orderBy(asc(customSteps.nameKey), asc(customSteps.name)),
    /** A workflow's custom steps in no particular order (what runs look definitions up in). */
    inWorkflow: async (workflowId: string): Promise<CustomStepRow[]> => orm.select().from(customSteps).where(eq(customSteps.workflowId, workflowId)),
    findByNameKey: (workflowId: string, nameKey: string): Promise<CustomStepRow | undefined> =>
      first(orm.select().from(customSteps).where(and(eq(customSteps.workflowId, workflowId), eq(customSteps.nameKey, nameKey)))),
    /** Which of `ids` are custom steps of the workflow. */
    async existingIds(workflowId: string, ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await orm
        .select({ id: customSteps.id })
        .from(customSteps)
        .where(and(eq(customSteps.workflowId, workflowId), inArray(customSteps.id, [...ids])));
      return new Set(rows.map((row) => row.id));
    },
    /** Whether any custom step exists at all. */
    any: async (): Promise<boolean> => (await first(orm.select({ id: customSteps.id }).from(customSteps).limit(1))) !== undefined,
    /** Steps whose script was indexed by a parser older than `version` (or never). */
    indexedBefore: async (version: number): Promise<CustomStepRow[]> => orm.select().from(customSteps).where(lt(customSteps.scriptIndexVersion, version)),

    /** The step and its script's index rows. */
    insert: (row: CustomStepRow, refs: readonly ScriptEndpointRefRow[]): Promise<void> =>
      write((o) => [o.insert(customSteps).values(row), ...replaceRefs(o, row.id, refs)]),
    /** Steps and their index rows (import), parents first. */
    insertMany: (rows: readonly CustomStepRow[], refs: readonly ScriptEndpointRefRow[]): Promise<void> =>
      write((o) => [...(rows.length > 0 ? [o.insert(customSteps).values([...rows])] : []), ...(refs.length > 0 ? [o.insert(scriptEndpointRefs).values([...refs])] : [])]),
    /** Changes the step and replaces its script's index rows with `refs`. */
    update: (id: string, changes: Partial<Omit<CustomStepRow, 'id'>>, refs: readonly ScriptEndpointRefRow[]): Promise<void> =>
      write((o) => [o.update(customSteps).set(changes).where(eq(customSteps.id, id)), ...replaceRefs(o, id, refs)]),
    /** The step; its index rows go with it (cascade). */
    delete: (id: string): Promise<void> => write((o) => [o.delete(customSteps).where(eq(customSteps.id, id))]),
  };
}
