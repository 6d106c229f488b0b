import type { FlowGraph } from '@flowyard/engine';
import { and, asc, eq } from 'drizzle-orm';
import type { CustomStepRefRow, EndpointRefRow, FlowRow } from '../tables';
import { first, type QueryContext } from './query-context';

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
  const { flows, endpointRefs, customStepRefs } = t;
  return {
    get: (id: string): Promise<FlowRow | undefined> => first(orm.select().from(flows).where(eq(flows.id, id))),
    /** A workflow's flows by name, then age. */
    listByWorkflow: async (workflowId: string): Promise<FlowRow[]> =>
      orm.select().from(flows).where(eq(flows.workflowId, workflowId)).orderBy(asc(flows.name), asc(flows.createdAt)),
    /** Every flow's id, in id order (retention walks them). */
    ids: async (): Promise<string[]> => (await orm.select({ id: flows.id }).from(flows).orderBy(asc(flows.id))).map((row) => row.id),
    /** Names and graphs of a workflow's flows (export). */
    graphs: async (workflowId: string): Promise<Pick<FlowRow, 'name' | 'graph'>[]> =>
      orm.select({ name: flows.name, graph: flows.graph }).from(flows).where(eq(flows.workflowId, workflowId)),
    names: async (workflowId: string): Promise<string[]> =>
      (await orm.select({ name: flows.name }).from(flows).where(eq(flows.workflowId, workflowId))).map((row) => row.name),

    insert: (row: FlowRow): Promise<void> => write((o) => [o.insert(flows).values(row)]),
    /** Flows with their usage-index rows (import), parents first. */
    insertMany: (rows: readonly FlowRow[], refs: readonly EndpointRefRow[], stepRefs: readonly CustomStepRefRow[]): Promise<void> =>
      write((o) => [
        ...(rows.length > 0 ? [o.insert(flows).values([...rows])] : []),
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
