import type { FlowRow } from '@flowyard/db';
import { emptyFlowGraph, FlowyardError, type Flow, type FlowGraph, type FlowSummary } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { createGenerationCache } from '../persistence/generation-cache';
import type { WorkflowsService } from '../workflows/workflows-service';
import { graphCustomStepRefs, missingCustomStepIssues } from './custom-step-refs';
import { graphEndpointRefs, missingEndpointIssues } from './endpoint-refs';
import { flowNotFound } from './flow-errors';

export function createFlowsService(deps: ServiceDeps, workflows: WorkflowsService) {
  const { store, now, newId } = deps;

  const toSummary = (row: FlowRow): FlowSummary => ({ id: row.id, workflowId: row.workflowId, name: row.name, version: row.version, updatedAt: row.updatedAt });
  const toFlow = (row: FlowRow): Flow => ({ ...toSummary(row), graph: row.graph });

  async function findRow(flows: { get(id: string): Promise<FlowRow | undefined> }, id: string): Promise<FlowRow> {
    const row = await flows.get(id);
    if (!row) throw flowNotFound(id);
    return row;
  }

  // One object per saved version: every run of it shares the engine's compilation (keyed by the graph).
  const saved = createGenerationCache(store.generations, ['flows'], async (id: string) => toFlow(await findRow(store.repos.flows, id)));

  return {
    async list(workflowId: string): Promise<FlowSummary[]> {
      return (await store.repos.flows.listByWorkflow(workflowId)).map(toSummary);
    },

    /** The saved flow; the same object while it is unchanged, so callers must not modify it. */
    get(id: string): Promise<Flow> {
      return saved.get(id);
    },

    async create(input: { workflowId: string; name: string }): Promise<Flow> {
      await workflows.require(input.workflowId);
      const at = now().toISOString();
      const row: FlowRow = { id: newId(), workflowId: input.workflowId, name: input.name, graph: emptyFlowGraph, version: 1, createdAt: at, updatedAt: at };
      await store.repos.flows.insert(row);
      return toFlow(row);
    },

    /** Renaming does not touch the graph, so it neither needs nor bumps the version. */
    async rename(input: { id: string; name: string }): Promise<FlowSummary> {
      return store.unitOfWork(async (tx) => {
        const row = await findRow(tx.repos.flows, input.id);
        const renamed: FlowRow = { ...row, name: input.name, updatedAt: now().toISOString() };
        await tx.repos.flows.rename(row.id, renamed.name, renamed.updatedAt);
        return toSummary(renamed);
      });
    },

    /** Deletes the flow, its runs and its usage-index rows in one transaction. */
    async delete(id: string): Promise<{ id: string }> {
      return store.unitOfWork(async (tx) => {
        await findRow(tx.repos.flows, id);
        await tx.repos.flows.delete(id);
        return { id };
      });
    },

    /**
     * Saves a graph loaded at `version`; a stale version is CONFLICT; endpoints and custom
     * steps the graph uses must exist in the flow's workflow. The graph and its usage-index
     * rows (endpoints and custom steps) are written in one transaction.
     */
    async save(input: { id: string; version: number; graph: FlowGraph }): Promise<Flow> {
      return store.unitOfWork(async (tx) => {
        const row = await findRow(tx.repos.flows, input.id);
        if (row.version !== input.version) {
          throw new FlowyardError('CONFLICT', 'This flow was changed elsewhere since you opened it; reload it to see the latest version', {
            details: { currentVersion: row.version, yourVersion: input.version },
          });
        }
        const refs = graphEndpointRefs(input.graph);
        const stepRefs = graphCustomStepRefs(input.graph);
        const found = await tx.repos.endpoints.existingIds(row.workflowId, [...new Set(refs.map((r) => r.endpointId))]);
        const foundSteps = await tx.repos.customSteps.existingIds(row.workflowId, [...new Set(stepRefs.map((r) => r.customStepId))]);
        const issues = [...missingEndpointIssues(refs, found), ...missingCustomStepIssues(stepRefs, foundSteps)];
        if (issues.length > 0) throw new FlowyardError('VALIDATION_FAILED', issues.map((i) => i.message).join('; '), { issues });

        const saved: FlowRow = { ...row, graph: input.graph, version: row.version + 1, updatedAt: now().toISOString() };
        await tx.repos.flows.saveGraph(
          { id: row.id, expectedVersion: row.version, graph: saved.graph, version: saved.version, updatedAt: saved.updatedAt },
          refs.map((r) => ({ endpointId: r.endpointId, flowId: row.id, nodeId: r.nodeId, stepName: r.stepName })),
          stepRefs.map((r) => ({ customStepId: r.customStepId, flowId: row.id, nodeId: r.nodeId, stepName: r.stepName })),
        );
        return toFlow(saved);
      });
    },
  };
}

export type FlowsService = ReturnType<typeof createFlowsService>;
