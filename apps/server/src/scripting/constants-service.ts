import type { ConstantRow } from '@flowyard/db';
import { endpointNameKey, FlowyardError, type ConstantView } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import type { WorkflowsService } from '../workflows/workflows-service';

const toView = (row: ConstantRow): ConstantView => ({
  id: row.id,
  workflowId: row.workflowId,
  name: row.name,
  value: row.value,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** Workflow constants (SPEC §5 `constants['Name']`): names unique per workflow, case-insensitively. */
export function createConstantsService(deps: ServiceDeps, workflows: WorkflowsService) {
  const { store, now, newId } = deps;

  return {
    async list(workflowId: string): Promise<ConstantView[]> {
      return (await store.repos.constants.listByWorkflow(workflowId)).map(toView);
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
        if (!current) throw new FlowyardError('NOT_FOUND', 'Constant not found', { details: { id: input.id } });
        const row: ConstantRow = { ...current, name: input.name, nameKey, value: input.value, updatedAt: at };
        await tx.repos.constants.update(row);
        return toView(row);
      });
    },

    async delete(id: string): Promise<{ id: string }> {
      return store.unitOfWork(async (tx) => {
        if (!(await tx.repos.constants.get(id))) throw new FlowyardError('NOT_FOUND', 'Constant not found', { details: { id } });
        await tx.repos.constants.delete(id);
        return { id };
      });
    },
  };
}

export type ConstantsService = ReturnType<typeof createConstantsService>;
