import { and, asc, constants, eq, type ConstantRow } from '@flowyard/db';
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
  const { db, now, newId } = deps;

  return {
    async list(workflowId: string): Promise<ConstantView[]> {
      const rows = await db.orm.select().from(constants).where(eq(constants.workflowId, workflowId)).orderBy(asc(constants.nameKey), asc(constants.name));
      return rows.map(toView);
    },

    /** The values scripts see, by name. */
    async values(workflowId: string): Promise<Record<string, string>> {
      const rows = await db.orm.select({ name: constants.name, value: constants.value }).from(constants).where(eq(constants.workflowId, workflowId));
      return Object.fromEntries(rows.map((row) => [row.name, row.value]));
    },

    /** Creates (`id` null) or updates a constant; renaming onto another constant's name is refused. */
    async set(input: { workflowId: string; id: string | null; name: string; value: string }): Promise<ConstantView> {
      return db.exclusive(async () => {
        await workflows.require(input.workflowId);
        const nameKey = endpointNameKey(input.name);
        const [clash] = await db.orm
          .select()
          .from(constants)
          .where(and(eq(constants.workflowId, input.workflowId), eq(constants.nameKey, nameKey)));
        if (clash && clash.id !== input.id) {
          const message = `A constant named "${clash.name}" already exists in this workflow (names are not case-sensitive)`;
          throw new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: 'name', message }] });
        }
        const at = now().toISOString();
        if (input.id === null) {
          const row: ConstantRow = { id: newId(), workflowId: input.workflowId, name: input.name, nameKey, value: input.value, createdAt: at, updatedAt: at };
          await db.orm.insert(constants).values(row);
          return toView(row);
        }
        const [current] = await db.orm.select().from(constants).where(and(eq(constants.id, input.id), eq(constants.workflowId, input.workflowId)));
        if (!current) throw new FlowyardError('NOT_FOUND', 'Constant not found', { details: { id: input.id } });
        const row: ConstantRow = { ...current, name: input.name, nameKey, value: input.value, updatedAt: at };
        await db.orm.update(constants).set(row).where(eq(constants.id, current.id));
        return toView(row);
      });
    },

    async delete(id: string): Promise<{ id: string }> {
      return db.exclusive(async () => {
        const [row] = await db.orm.select({ id: constants.id }).from(constants).where(eq(constants.id, id));
        if (!row) throw new FlowyardError('NOT_FOUND', 'Constant not found', { details: { id } });
        await db.orm.delete(constants).where(eq(constants.id, id));
        return { id };
      });
    },
  };
}

export type ConstantsService = ReturnType<typeof createConstantsService>;
