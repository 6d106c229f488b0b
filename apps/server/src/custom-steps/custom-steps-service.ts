import { and, asc, count, customStepRefs, customSteps, eq, flows, inArray, type CustomStepRow } from '@flowyard/db';
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
import { replaceScriptRefs, scriptRefRows } from '../usage/script-refs';
import type { WorkflowsService } from '../workflows/workflows-service';
import { customStepInUse, customStepNotFound } from './custom-step-errors';

export function createCustomStepsService(deps: ServiceDeps, workflows: WorkflowsService) {
  const { db, now, newId } = deps;

  const toView = (row: CustomStepRow, usageCount: number): CustomStepView => ({
    id: row.id,
    workflowId: row.workflowId,
    step: row.definition,
    usageCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

  async function findRow(id: string): Promise<CustomStepRow> {
    const [row] = await db.orm.select().from(customSteps).where(eq(customSteps.id, id));
    if (!row) throw customStepNotFound(id);
    return row;
  }

  async function usageCounts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db.orm
      .select({ customStepId: customStepRefs.customStepId, uses: count() })
      .from(customStepRefs)
      .where(inArray(customStepRefs.customStepId, ids))
      .groupBy(customStepRefs.customStepId);
    return new Map(rows.map((r) => [r.customStepId, r.uses]));
  }

  async function usage(id: string): Promise<CustomStepUsage[]> {
    await findRow(id);
    return db.orm
      .select({ flowId: customStepRefs.flowId, flowName: flows.name, nodeId: customStepRefs.nodeId, stepName: customStepRefs.stepName })
      .from(customStepRefs)
      .innerJoin(flows, eq(flows.id, customStepRefs.flowId))
      .where(eq(customStepRefs.customStepId, id))
      .orderBy(asc(flows.name), asc(customStepRefs.stepName), asc(customStepRefs.nodeId));
  }

  /** Unique name per workflow, compared case-insensitively. */
  async function checkName(workflowId: string, name: string, selfId: string | null): Promise<void> {
    const [clash] = await db.orm
      .select({ id: customSteps.id, name: customSteps.name })
      .from(customSteps)
      .where(and(eq(customSteps.workflowId, workflowId), eq(customSteps.nameKey, endpointNameKey(name))));
    if (clash && clash.id !== selfId) {
      const message = `A custom step named "${clash.name}" already exists in this workflow (names are not case-sensitive)`;
      throw new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: 'step.name', message }] });
    }
  }

  return {
    usage,

    async list(workflowId: string): Promise<CustomStepView[]> {
      const rows = await db.orm.select().from(customSteps).where(eq(customSteps.workflowId, workflowId)).orderBy(asc(customSteps.nameKey), asc(customSteps.name));
      const counts = await usageCounts(rows.map((r) => r.id));
      return rows.map((row) => toView(row, counts.get(row.id) ?? 0));
    },

    async get(id: string): Promise<CustomStepView> {
      const row = await findRow(id);
      return toView(row, (await usageCounts([id])).get(id) ?? 0);
    },

    /** Every definition of a workflow by id: what runs and the reference check look custom steps up in. */
    async definitions(workflowId: string): Promise<Map<string, CustomStepDefinition>> {
      const rows = await db.orm.select().from(customSteps).where(eq(customSteps.workflowId, workflowId));
      return new Map(rows.map((row) => [row.id, { id: row.id, ...row.definition }]));
    },

    async create(input: { workflowId: string; step: CustomStepBody }): Promise<CustomStepView> {
      return db.exclusive(async () => {
        await workflows.require(input.workflowId);
        await checkName(input.workflowId, input.step.name, null);
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
        await db.orm.batch([db.orm.insert(customSteps).values(row), ...replaceScriptRefs(db.orm, row.id, scriptRefRows(row.id, row.workflowId, row.definition))]);
        return toView(row, 0);
      });
    },

    /** Flows hold the definition's id, so the next run of every flow using it runs the new version. */
    async update(input: { id: string; step: CustomStepBody }): Promise<CustomStepView> {
      return db.exclusive(async () => {
        const current = await findRow(input.id);
        await checkName(current.workflowId, input.step.name, current.id);
        const row: CustomStepRow = {
          ...current,
          name: input.step.name,
          nameKey: endpointNameKey(input.step.name),
          definition: input.step,
          scriptIndexVersion,
          updatedAt: now().toISOString(),
        };
        await db.orm.batch([
          db.orm.update(customSteps).set(row).where(eq(customSteps.id, current.id)),
          ...replaceScriptRefs(db.orm, current.id, scriptRefRows(current.id, current.workflowId, row.definition)),
        ]);
        return toView(row, (await usageCounts([current.id])).get(current.id) ?? 0);
      });
    },

    /** Refused with CONFLICT (details.usage lists the flows and steps) while any flow uses it. */
    async delete(id: string): Promise<{ id: string }> {
      return db.exclusive(async () => {
        const row = await findRow(id);
        const uses = await usage(id);
        if (uses.length > 0) throw customStepInUse(row.name, uses);
        await db.orm.delete(customSteps).where(eq(customSteps.id, id));
        return { id };
      });
    },
  };
}

export type CustomStepsService = ReturnType<typeof createCustomStepsService>;
