import type { LibraryRow } from '@flowyard/db';
import { endpointNameKey, FlowyardError, type LibrarySummary, type LibraryView } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import type { WorkflowsService } from '../workflows/workflows-service';
import { librarySyntaxIssue } from './library-syntax';

const toSummary = (row: Pick<LibraryRow, 'id' | 'workflowId' | 'name' | 'updatedAt'>): LibrarySummary => ({
  id: row.id,
  workflowId: row.workflowId,
  name: row.name,
  updatedAt: row.updatedAt,
});
const toView = (row: LibraryRow): LibraryView => ({ ...toSummary(row), source: row.source, createdAt: row.createdAt });

function libraryNotFound(id: string): FlowyardError {
  return new FlowyardError('NOT_FOUND', 'Library not found', { details: { id } });
}

/** Shared libraries (SPEC §1): CommonJS sources scripts load with `require('<name>')`. */
export function createLibrariesService(deps: ServiceDeps, workflows: WorkflowsService) {
  const { store, now, newId } = deps;

  return {
    async list(workflowId: string): Promise<LibrarySummary[]> {
      return (await store.repos.libraries.summaries(workflowId)).map(toSummary);
    },

    async get(id: string): Promise<LibraryView> {
      const row = await store.repos.libraries.get(id);
      if (!row) throw libraryNotFound(id);
      return toView(row);
    },

    /** The sources scripts can require, by name. */
    async sources(workflowId: string): Promise<Record<string, string>> {
      const rows = await store.repos.libraries.inWorkflow(workflowId);
      return Object.fromEntries(rows.map((row) => [row.name, row.source]));
    },

    /** Creates (`id` null) or updates a library; the name must be unused and the source must parse. */
    async save(input: { workflowId: string; id: string | null; name: string; source: string }): Promise<LibraryView> {
      return store.unitOfWork(async (tx) => {
        await workflows.require(input.workflowId);
        const nameKey = endpointNameKey(input.name);
        const clash = await tx.repos.libraries.findByNameKey(input.workflowId, nameKey);
        const issues = [];
        if (clash && clash.id !== input.id) {
          issues.push({ path: 'name', message: `A library named "${clash.name}" already exists in this workflow (names are not case-sensitive)` });
        }
        const syntax = librarySyntaxIssue(input.name, input.source);
        if (syntax !== null) issues.push(syntax);
        if (issues.length > 0) throw new FlowyardError('VALIDATION_FAILED', issues.map((i) => i.message).join('; '), { issues });

        const at = now().toISOString();
        if (input.id === null) {
          const row: LibraryRow = { id: newId(), workflowId: input.workflowId, name: input.name, nameKey, source: input.source, createdAt: at, updatedAt: at };
          await tx.repos.libraries.insert(row);
          return toView(row);
        }
        const current = await tx.repos.libraries.getInWorkflow(input.workflowId, input.id);
        if (!current) throw libraryNotFound(input.id);
        const row: LibraryRow = { ...current, name: input.name, nameKey, source: input.source, updatedAt: at };
        await tx.repos.libraries.update(row);
        return toView(row);
      });
    },

    async delete(id: string): Promise<{ id: string }> {
      return store.unitOfWork(async (tx) => {
        if (!(await tx.repos.libraries.get(id))) throw libraryNotFound(id);
        await tx.repos.libraries.delete(id);
        return { id };
      });
    },
  };
}

export type LibrariesService = ReturnType<typeof createLibrariesService>;
