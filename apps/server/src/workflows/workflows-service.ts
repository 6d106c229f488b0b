import { FlowyardError } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';

export const defaultWorkflowName = 'Default';

export function createWorkflowsService({ store, newId }: ServiceDeps) {
  return {
    /** A fresh install has one workflow, "Default" (SPEC §1). */
    async ensureDefault(): Promise<{ id: string; name: string }> {
      return store.unitOfWork(async (tx) => {
        const existing = await tx.repos.workflows.findByName(defaultWorkflowName);
        if (existing) return existing;
        const row = { id: newId(), name: defaultWorkflowName };
        await tx.repos.workflows.insert(row);
        return row;
      });
    },

    async list(): Promise<{ id: string; name: string }[]> {
      return (await store.repos.workflows.list()).map(({ id, name }) => ({ id, name }));
    },

    /** Throws VALIDATION_FAILED on `workflowId` when the workflow does not exist. */
    async require(workflowId: string): Promise<void> {
      if (!(await store.repos.workflows.get(workflowId))) {
        throw new FlowyardError('VALIDATION_FAILED', 'Workflow not found', {
          issues: [{ path: 'workflowId', message: 'Workflow not found' }],
        });
      }
    },
  };
}

export type WorkflowsService = ReturnType<typeof createWorkflowsService>;
