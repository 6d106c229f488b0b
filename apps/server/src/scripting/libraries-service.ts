import type { LibraryRow } from '@flowyard/db';
import { endpointNameKey, FlowyardError, type LibraryListItem, type LibrarySummary, type LibraryView, type ScriptObjectUsage, type ScriptSyntaxProblem } from '@flowyard/engine';
import type { ServiceDeps } from '../deps';
import type { WorkflowsService } from '../workflows/workflows-service';
import { createScriptObjectUsageCache, scriptObjectUsage } from '../usage/script-object-usage';
import { librarySyntaxIssue } from './library-syntax';
import { scriptObjectInUse } from './script-object-errors';

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
  const usageIn = createScriptObjectUsageCache(store);

  return {
    /** The workflow's libraries by name, each with how many scripts and other libraries require it. */
    async list(workflowId: string): Promise<LibraryListItem[]> {
      const [rows, usage] = await Promise.all([store.repos.libraries.summaries(workflowId), usageIn(workflowId)]);
      return rows.map((row) => ({ ...toSummary(row), usageCount: usage.library(endpointNameKey(row.name), row.id).length }));
    },

    /** The custom step scripts, then the other libraries, that require it by a literal name. */
    async usage(id: string): Promise<ScriptObjectUsage[]> {
      const row = await store.repos.libraries.get(id);
      if (!row) throw libraryNotFound(id);
      return (await usageIn(row.workflowId)).library(row.nameKey, row.id);
    },

    /** Where a library's source first fails to parse (null when it parses), for the editor as one types. */
    checkSyntax(source: string): { syntax: ScriptSyntaxProblem | null } {
      return { syntax: librarySyntaxIssue(source)?.syntax ?? null };
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
        const syntax = librarySyntaxIssue(input.source);
        if (syntax !== null) issues.push(syntax.issue);
        if (issues.length > 0) {
          // details.syntax places the error in the editor (line from 1, column from 0).
          const details = syntax === null ? undefined : { syntax: syntax.syntax };
          throw new FlowyardError('VALIDATION_FAILED', issues.map((i) => i.message).join('; '), { issues, ...(details ? { details } : {}) });
        }

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

    /** Refused with CONFLICT (details.usage lists the scripts and libraries) while anything requires it. */
    async delete(id: string): Promise<{ id: string }> {
      return store.unitOfWork(async (tx) => {
        const row = await tx.repos.libraries.get(id);
        if (!row) throw libraryNotFound(id);
        const uses = (await scriptObjectUsage(tx.repos, row.workflowId)).library(row.nameKey, row.id);
        if (uses.length > 0) throw scriptObjectInUse('Library', row.name, uses);
        await tx.repos.libraries.delete(id);
        return { id };
      });
    },
  };
}

export type LibrariesService = ReturnType<typeof createLibrariesService>;
