import type { FlowGraph } from '@flowyard/engine';
import { and, asc, count, desc, eq, getTableColumns, lte, sql } from 'drizzle-orm';
import type { CustomStepRefRow, EndpointRefRow, FlowRow, FlowVersionRow } from '../tables';
import { first, type QueryContext } from './query-context';
import { containsPattern } from './users';

/** A flow as lists show it: every column but the graph. */
export type FlowListRow = Omit<FlowRow, 'graph'>;

/** Keyset position in a workflow's flows by name: the last flow seen. */
export interface FlowPosition {
  name: string;
  id: string;
}

/** A kept version of a flow as the History list shows it: every column but the graph. */
export type FlowVersionListRow = Omit<FlowVersionRow, 'graph'>;

/** A new version of a flow's graph, saved over `expectedVersion`. */
export interface FlowGraphSave {
  id: string;
  expectedVersion: number;
  graph: FlowGraph;
  version: number;
  updatedAt: string;
}

/** Flows, with their rows of the usage index (endpoint_refs, custom_step_refs), rewritten with every save. */
export function flowsRepo({ orm, t, write }: QueryContext) {
  const { flows, endpointRefs, customStepRefs, flowVersions } = t;
  const { graph: _graph, ...listColumns } = getTableColumns(flows);
  const { graph: _versionGraph, ...versionListColumns } = getTableColumns(flowVersions);
  // `needle` is lower-case; empty matches every flow.
  const nameMatches = (needle: string) => (needle === '' ? undefined : sql`lower(${flows.name}) like ${containsPattern(needle)} escape '\\'`);
  return {
    get: (id: string): Promise<FlowRow | undefined> => first(orm.select().from(flows).where(eq(flows.id, id))),
    /** A workflow's flows by name, then age. */
    listByWorkflow: async (workflowId: string): Promise<FlowRow[]> =>
      orm.select().from(flows).where(eq(flows.workflowId, workflowId)).orderBy(asc(flows.name), asc(flows.createdAt)),
    /** Every flow's id, in id order (retention walks them). */
    ids: async (): Promise<string[]> => (await orm.select({ id: flows.id }).from(flows).orderBy(asc(flows.id))).map((row) => row.id),
    /** Ids, names and graphs of a workflow's flows (export). */
    graphs: async (workflowId: string): Promise<Pick<FlowRow, 'id' | 'name' | 'graph'>[]> =>
      orm.select({ id: flows.id, name: flows.name, graph: flows.graph }).from(flows).where(eq(flows.workflowId, workflowId)),
    /** Ids of the workflow's flows named exactly `name` (an integration's flows.start), oldest first. */
    idsByName: async (workflowId: string, name: string): Promise<string[]> =>
      (await orm.select({ id: flows.id }).from(flows).where(and(eq(flows.workflowId, workflowId), eq(flows.name, name))).orderBy(asc(flows.createdAt), asc(flows.id))).map((row) => row.id),
    names: async (workflowId: string): Promise<string[]> =>
      (await orm.select({ name: flows.name }).from(flows).where(eq(flows.workflowId, workflowId))).map((row) => row.name),

    /**
     * At most `limit` flows of the workflow whose name contains `needle` (lower-case), by name then
     * id, after `after`: keyset paging down (workflow_id, name, id), so a page costs the same at any depth.
     */
    page: async (workflowId: string, needle: string, limit: number, after?: FlowPosition): Promise<FlowListRow[]> =>
      orm
        .select(listColumns)
        .from(flows)
        .where(and(eq(flows.workflowId, workflowId), nameMatches(needle), after && sql`(${flows.name}, ${flows.id}) > (${after.name}, ${after.id})`))
        .orderBy(asc(flows.name), asc(flows.id))
        .limit(limit),
    /** How many flows the workflow has whose name contains `needle` (lower-case; empty: all). */
    count: async (workflowId: string, needle: string): Promise<number> =>
      (await first(orm.select({ n: count() }).from(flows).where(and(eq(flows.workflowId, workflowId), nameMatches(needle)))))?.n ?? 0,
    /** Turns a flow's HTTP triggers on or off. */
    setEnabled: (id: string, enabled: boolean, updatedAt: string): Promise<void> => write((o) => [o.update(flows).set({ enabled, updatedAt }).where(eq(flows.id, id))]),

    /** Keeps a saved graph as a version. */
    insertVersion: (row: FlowVersionRow): Promise<void> => write((o) => [o.insert(flowVersions).values(row)]),
    /** A flow's kept versions, newest first, at most `limit`, older than `before`. */
    versions: async (flowId: string, limit: number, before?: number): Promise<FlowVersionListRow[]> =>
      orm
        .select(versionListColumns)
        .from(flowVersions)
        .where(and(eq(flowVersions.flowId, flowId), before === undefined ? undefined : sql`${flowVersions.version} < ${before}`))
        .orderBy(desc(flowVersions.version))
        .limit(limit),
    getVersion: (flowId: string, version: number): Promise<FlowVersionRow | undefined> =>
      first(orm.select().from(flowVersions).where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.version, version)))),
    /** Drops a flow's versions up to and including `version` (retention). */
    deleteVersionsUpTo: (flowId: string, version: number): Promise<void> =>
      write((o) => [o.delete(flowVersions).where(and(eq(flowVersions.flowId, flowId), lte(flowVersions.version, version)))]),

    insert: (row: FlowRow): Promise<void> => write((o) => [o.insert(flows).values(row)]),
    /** Flows with their usage-index rows (import), parents first. */
    insertMany: (rows: readonly FlowRow[], refs: readonly EndpointRefRow[], stepRefs: readonly CustomStepRefRow[], versions: readonly FlowVersionRow[] = []): Promise<void> =>
      write((o) => [
        ...(rows.length > 0 ? [o.insert(flows).values([...rows])] : []),
        ...(versions.length > 0 ? [o.insert(flowVersions).values([...versions])] : []),
        ...(refs.length > 0 ? [o.insert(endpointRefs).values([...refs])] : []),
        ...(stepRefs.length > 0 ? [o.insert(customStepRefs).values([...stepRefs])] : []),
      ]),
    rename: (id: string, name: string, updatedAt: string): Promise<void> => write((o) => [o.update(flows).set({ name, updatedAt }).where(eq(flows.id, id))]),
    /** The graph and its usage-index rows; the graph only while the stored version is still `expectedVersion`. */
    saveGraph: (save: FlowGraphSave, refs: readonly EndpointRefRow[], stepRefs: readonly CustomStepRefRow[]): Promise<void> =>
      write((o) => [
        o
          .update(flows)
          .set({ graph: save.graph, version: save.version, updatedAt: save.updatedAt })
          .where(and(eq(flows.id, save.id), eq(flows.version, save.expectedVersion))),
        o.delete(endpointRefs).where(eq(endpointRefs.flowId, save.id)),
        ...(refs.length > 0 ? [o.insert(endpointRefs).values([...refs])] : []),
        o.delete(customStepRefs).where(eq(customStepRefs.flowId, save.id)),
        ...(stepRefs.length > 0 ? [o.insert(customStepRefs).values([...stepRefs])] : []),
      ]),
    /** The flow, its usage-index rows and (by cascade) its runs. */
    delete: (id: string): Promise<void> =>
      write((o) => [o.delete(endpointRefs).where(eq(endpointRefs.flowId, id)), o.delete(customStepRefs).where(eq(customStepRefs.flowId, id)), o.delete(flows).where(eq(flows.id, id))]),
  };
}
