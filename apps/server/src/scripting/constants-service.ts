import type { ConstantRow } from '@flowyard/db';
import { endpointNameKey, FlowyardError, type ConstantListItem, type ConstantView, type ScriptObjectUsage } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import { createScriptObjectUsageCache, scriptObjectUsage } from '../usage/script-object-usage';
import type { WorkflowsService } from '../workflows/workflows-service';
import { scriptObjectInUse } from './script-object-errors';

const toView = (row: ConstantRow): ConstantView => ({
  id: row.id,
  workflowId: row.workflowId,
  name: row.name,
  value: row.value,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

function constantNotFound(id: string): FlowyardError {
  return new FlowyardError('NOT_FOUND', 'Constant not found', { details: { id } });
}

/** Workflow constants (SPEC §5 `constants['Name']`): names unique per workflow, case-insensitively. */
export function createConstantsService(deps: ServiceDeps, workflows: WorkflowsService) {
  const { store, now, newId } = deps;
  const usageIn = createScriptObjectUsageCache(store);

  return {
    /** The workflow's constants by name, each with how many scripts and libraries read it. */
    async list(workflowId: string): Promise<ConstantListItem[]> {
      const [rows, usage] = await Promise.all([store.repos.constants.listByWorkflow(workflowId), usageIn(workflowId)]);
      return rows.map((row) => ({ ...toView(row), usageCount: usage.constant(row.name).length }));
    },

    /** The custom step scripts, then the shared libraries, that read it by its name. */
    async usage(id: string): Promise<ScriptObjectUsage[]> {
      const row = await store.repos.constants.get(id);
      if (!row) throw constantNotFound(id);
      return (await usageIn(row.workflowId)).constant(row.name);
    },

    /** The values scripts see, by name. */
    async values(workflowId: string): Promise<Record<string, string>> {
      const rows = await store.repos.constants.inWorkflow(workflowId);
      return Object.fromEntries(rows.map((row) => [row.name, row.value]));
    },

    /** Creates (`id` null) or updates a constant; renaming onto another constant's name is refused. */
    async set(input: { workflowId: string; id: string | null; name: string; value: string }): Promise<ConstantView> {
      return store.unitOfWork(async (tx) => {
        await workflows.require(input.workflowId);
        const nameKey = endpointNameKey(input.name);
        const clash = await tx.repos.constants.findByNameKey(input.workflowId, nameKey);
        if (clash && clash.id !== input.id) {
          const message = `A constant named "${clash.name}" already exists in this workflow (names are not case-sensitive)`;
          throw new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: 'name', message }] });
        }
        const at = now().toISOString();
        if (input.id === null) {
          const row: ConstantRow = { id: newId(), workflowId: input.workflowId, name: input.name, nameKey, value: input.value, createdAt: at, updatedAt: at };
          await tx.repos.constants.insert(row);
          return toView(row);
        }
        const current = await tx.repos.constants.getInWorkflow(input.workflowId, input.id);
        if (!current) throw constantNotFound(input.id);
        const row: ConstantRow = { ...current, name: input.name, nameKey, value: input.value, updatedAt: at };
        await tx.repos.constants.update(row);
        return toView(row);
      });
    },

    /** Refused with CONFLICT (details.usage lists the scripts and libraries) while anything reads it. */
    async delete(id: string): Promise<{ id: string }> {
      return store.unitOfWork(async (tx) => {
        const row = await tx.repos.constants.get(id);
        if (!row) throw constantNotFound(id);
        const uses = (await scriptObjectUsage(tx.repos, row.workflowId)).constant(row.name);
        if (uses.length > 0) throw scriptObjectInUse('Constant', row.name, uses);
        await tx.repos.constants.delete(id);
        return { id };
      });
    },
  };
}

export type ConstantsService = ReturnType<typeof createConstantsService>;
