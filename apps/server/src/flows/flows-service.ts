import { and, asc, customStepRefs, customSteps, endpointRefs, endpoints, eq, flows, inArray, type FlowRow } from '@flowyard/db';
import { emptyFlowGraph, FlowyardError, type Flow, type FlowGraph, type FlowSummary } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { createGenerationCache } from '../persistence/generation-cache';
import type { WorkflowsService } from '../workflows/workflows-service';
import { graphCustomStepRefs, missingCustomStepIssues } from './custom-step-refs';
import { graphEndpointRefs, missingEndpointIssues } from './endpoint-refs';
import { flowNotFound } from './flow-errors';

export function createFlowsService(deps: ServiceDeps, workflows: WorkflowsService) {
  const { db, now, newId } = deps;

  const toSummary = (row: FlowRow): FlowSummary => ({ id: row.id, workflowId: row.workflowId, name: row.name, version: row.version, updatedAt: row.updatedAt });
  const toFlow = (row: FlowRow): Flow => ({ ...toSummary(row), graph: row.graph });

  async function findRow(id: string): Promise<FlowRow> {
    const [row] = await db.orm.select().from(flows).where(eq(flows.id, id));
    if (!row) throw flowNotFound(id);
    return row;
  }

  // One object per saved version: every run of it shares the engine's compilation (keyed by the graph).
  const saved = createGenerationCache(db, ['flows'], async (id: string) => toFlow(await findRow(id)));

  return {
    async list(workflowId: string): Promise<FlowSummary[]> {
      const rows = await db.orm.select().from(flows).where(eq(flows.workflowId, workflowId)).orderBy(asc(flows.name), asc(flows.createdAt));
      return rows.map(toSummary);
    },

    /** The saved flow; the same object while it is unchanged, so callers must not modify it. */
    get(id: string): Promise<Flow> {
      return saved.get(id);
    },

    async create(input: { workflowId: string; name: string }): Promise<Flow> {
      await workflows.require(input.workflowId);
      const at = now().toISOString();
      const row: FlowRow = { id: newId(), workflowId: input.workflowId, name: input.name, graph: emptyFlowGraph, version: 1, createdAt: at, updatedAt: at };
      await db.orm.insert(flows).values(row);
      return toFlow(row);
    },

    /** Renaming does not touch the graph, so it neither needs nor bumps the version. */
    async rename(input: { id: string; name: string }): Promise<FlowSummary> {
      return db.exclusive(async () => {
        const row = await findRow(input.id);
        const renamed: FlowRow = { ...row, name: input.name, updatedAt: now().toISOString() };
        await db.orm.update(flows).set({ name: renamed.name, updatedAt: renamed.updatedAt }).where(eq(flows.id, row.id));
        return toSummary(renamed);
      });
    },

    /** Deletes the flow, its runs and its usage-index rows in one transaction. */
    async delete(id: string): Promise<{ id: string }> {
      return db.exclusive(async () => {
        await findRow(id);
        await db.orm.batch([
          db.orm.delete(endpointRefs).where(eq(endpointRefs.flowId, id)),
          db.orm.delete(customStepRefs).where(eq(customStepRefs.flowId, id)),
          db.orm.delete(flows).where(eq(flows.id, id)),
        ]);
        return { id };
      });
    },

    /**
     * Saves a graph loaded at `version`; a stale version is CONFLICT; endpoints and custom
     * steps the graph uses must exist in the flow's workflow. The graph and its usage-index
     * rows (endpoints and custom steps) are written in one transaction.
     */
    async save(input: { id: string; version: number; graph: FlowGraph }): Promise<Flow> {
      return db.exclusive(async () => {
        const row = await findRow(input.id);
        if (row.version !== input.version) {
          throw new FlowyardError('CONFLICT', 'This flow was changed elsewhere since you opened it; reload it to see the latest version', {
            details: { currentVersion: row.version, yourVersion: input.version },
          });
        }
        const refs = graphEndpointRefs(input.graph);
        const ids = [...new Set(refs.map((r) => r.endpointId))];
        const found =
          ids.length === 0
            ? []
            : await db.orm
                .select({ id: endpoints.id })
                .from(endpoints)
                .where(and(eq(endpoints.workflowId, row.workflowId), inArray(endpoints.id, ids)));
        const stepRefs = graphCustomStepRefs(input.graph);
        const stepIds = [...new Set(stepRefs.map((r) => r.customStepId))];
        const foundSteps =
          stepIds.length === 0
            ? []
            : await db.orm
                .select({ id: customSteps.id })
                .from(customSteps)
                .where(and(eq(customSteps.workflowId, row.workflowId), inArray(customSteps.id, stepIds)));
        const issues = [
          ...missingEndpointIssues(refs, new Set(found.map((f) => f.id))),
          ...missingCustomStepIssues(stepRefs, new Set(foundSteps.map((f) => f.id))),
        ];
        if (issues.length > 0) throw new FlowyardError('VALIDATION_FAILED', issues.map((i) => i.message).join('; '), { issues });

        const saved: FlowRow = { ...row, graph: input.graph, version: row.version + 1, updatedAt: now().toISOString() };
        const refRows = refs.map((r) => ({ endpointId: r.endpointId, flowId: row.id, nodeId: r.nodeId, stepName: r.stepName }));
        const stepRefRows = stepRefs.map((r) => ({ customStepId: r.customStepId, flowId: row.id, nodeId: r.nodeId, stepName: r.stepName }));
        await db.orm.batch([
          db.orm
            .update(flows)
            .set({ graph: saved.graph, version: saved.version, updatedAt: saved.updatedAt })
            .where(and(eq(flows.id, row.id), eq(flows.version, row.version))),
          db.orm.delete(endpointRefs).where(eq(endpointRefs.flowId, row.id)),
          ...(refRows.length > 0 ? [db.orm.insert(endpointRefs).values(refRows)] : []),
          db.orm.delete(customStepRefs).where(eq(customStepRefs.flowId, row.id)),
          ...(stepRefRows.length > 0 ? [db.orm.insert(customStepRefs).values(stepRefRows)] : []),
        ]);
        return toFlow(saved);
      });
    },
  };
}

export type FlowsService = ReturnType<typeof createFlowsService>;
