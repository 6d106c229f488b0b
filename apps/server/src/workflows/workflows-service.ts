import { asc, eq, workflows } from '@flowyard/db';
import { FlowyardError } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';

export const defaultWorkflowName = 'Default';

export function createWorkflowsService({ db, newId }: ServiceDeps) {
  return {
    /** A fresh install has one workflow, "Default" (SPEC §1). */
    async ensureDefault(): Promise<{ id: string; name: string }> {
      return db.exclusive(async () => {
        const [existing] = await db.orm.select().from(workflows).where(eq(workflows.name, defaultWorkflowName));
        if (existing) return existing;
        const row = { id: newId(), name: defaultWorkflowName };
        await db.orm.insert(workflows).values(row);
        return row;
      });
    },

    async list(): Promise<{ id: string; name: string }[]> {
      return db.orm.select({ id: workflows.id, name: workflows.name }).from(workflows).orderBy(asc(workflows.name));
    },

    /** Throws VALIDATION_FAILED on `workflowId` when the workflow does not exist. */
    async require(workflowId: string): Promise<void> {
      const [row] = await db.orm.select({ id: workflows.id }).from(workflows).where(eq(workflows.id, workflowId));
      if (!row) {
        throw new FlowyardError('VALIDATION_FAILED', 'Workflow not found', {
          issues: [{ path: 'workflowId', message: 'Workflow not found' }],
        });
      }
    },
  };
}

export type WorkflowsService = ReturnType<typeof createWorkflowsService>;
