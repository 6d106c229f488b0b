import type { CustomStepRow, UnitRepos } from '@flowyard/db';
import {
  endpointNameKey,
  FlowyardError,
  scriptIndexVersion,
  type CustomStepBody,
  type CustomStepDefinition,
  type CustomStepUsage,
  type CustomStepView,
} from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { scriptRefRows } from '../usage/script-refs';
import type { WorkflowsService } from '../workflows/workflows-service';
import { customStepInUse, customStepNotFound } from './custom-step-errors';

export function createCustomStepsService(deps: ServiceDeps, workflows: WorkflowsService) {
  const { store, now, newId } = deps;

  const toView = (row: CustomStepRow, usageCount: number): CustomStepView => ({
    id: row.id,
    workflowId: row.workflowId,
    step: row.definition,
    usageCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

  async function findRow(repos: Pick<UnitRepos, 'customSteps'>, id: string): Promise<CustomStepRow> {
    const row = await repos.customSteps.get(id);
    if (!row) throw customStepNotFound(id);
    return row;
  }

  const usageCount = async (id: string): Promise<number> => (await store.repos.usage.customStepCounts([id])).get(id) ?? 0;

  async function usage(repos: Pick<UnitRepos, 'customSteps' | 'usage'>, id: string): Promise<CustomStepUsage[]> {
    await findRow(repos, id);
    return repos.usage.customStepSteps(id);
  }

  /** Unique name per workflow, compared case-insensitively. */
  async function checkName(repos: Pick<UnitRepos, 'customSteps'>, workflowId: string, name: string, selfId: string | null): Promise<void> {
    const clash = await repos.customSteps.findByNameKey(workflowId, endpointNameKey(name));
    if (clash && clash.id !== selfId) {
      const message = `A custom step named "${clash.name}" already exists in this workflow (names are not case-sensitive)`;
      throw new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: 'step.name', message }] });
    }
  }

  return {
    usage: (id: string): Promise<CustomStepUsage[]> => usage(store.repos, id),

    async list(workflowId: string): Promise<CustomStepView[]> {
      const rows = await store.repos.customSteps.listByWorkflow(workflowId);
      const counts = await store.repos.usage.customStepCounts(rows.map((r) => r.id));
      return rows.map((row) => toView(row, counts.get(row.id) ?? 0));
    },

    async get(id: string): Promise<CustomStepView> {
      const row = await findRow(store.repos, id);
      return toView(row, await usageCount(id));
    },

    /** Every definition of a workflow by id: what runs and the reference check look custom steps up in. */
    async definitions(workflowId: string): Promise<Map<string, CustomStepDefinition>> {
      const rows = await store.repos.customSteps.inWorkflow(workflowId);
      return new Map(rows.map((row) => [row.id, { id: row.id, ...row.definition }]));
    },

    async create(input: { workflowId: string; step: CustomStepBody }): Promise<CustomStepView> {
      return store.unitOfWork(async (tx) => {
        await workflows.require(input.workflowId);
        await checkName(tx.repos, input.workflowId, input.step.name, null);
        const at = now().toISOString();
        const row: CustomStepRow = {
          id: newId(),
          workflowId: input.workflowId,
          name: input.step.name,
          nameKey: endpointNameKey(input.step.name),
          definition: input.step,
          scriptIndexVersion,
          createdAt: at,
          updatedAt: at,
        };
        // The script usage index is written with the step, so Usage never parses scripts.
        await tx.repos.customSteps.insert(row, scriptRefRows(row.id, row.workflowId, row.definition));
        return toView(row, 0);
      });
    },

    /** Flows hold the definition's id, so the next run of every flow using it runs the new version. */
    async update(input: { id: string; step: CustomStepBody }): Promise<CustomStepView> {
      const row = await store.unitOfWork(async (tx) => {
        const current = await findRow(tx.repos, input.id);
        await checkName(tx.repos, current.workflowId, input.step.name, current.id);
        const updated: CustomStepRow = {
          ...current,
          name: input.step.name,
          nameKey: endpointNameKey(input.step.name),
          definition: input.step,
          scriptIndexVersion,
          updatedAt: now().toISOString(),
        };
        await tx.repos.customSteps.update(current.id, updated, scriptRefRows(current.id, current.workflowId, updated.definition));
        return updated;
      });
      return toView(row, await usageCount(row.id));
    },

    /** Refused with CONFLICT (details.usage lists the flows and steps) while any flow uses it. */
    async delete(id: string): Promise<{ id: string }> {
      return store.unitOfWork(async (tx) => {
        const row = await findRow(tx.repos, id);
        const uses = await usage(tx.repos, id);
        if (uses.length > 0) throw customStepInUse(row.name, uses);
        await tx.repos.customSteps.delete(id);
        return { id };
      });
    },
  };
}

export type CustomStepsService = ReturnType<typeof createCustomStepsService>;
