import type { Store, UnitRepos } from '@flowyard/db';
import { findScriptObjectRefs, type ScriptObjectRef, type ScriptObjectUsage } from '@flowyard/engine';
import { createGenerationCache } from '../persistence/generation-cache';

/** Who reads each shared library (by name key) and each constant (by name) of a workflow. */
export interface ScriptObjectUsageIndex {
  library(nameKey: string, libraryId?: string): ScriptObjectUsage[];
  constant(name: string): ScriptObjectUsage[];
}

type Reader = { kind: 'script'; id: string; name: string } | { kind: 'library'; id: string; name: string };

/**
 * Parses the workflow's custom step scripts and shared libraries once and answers who names which
 * library or constant literally. Read when a Usage list or a delete asks: a workflow holds a
 * bounded number of scripts, and renaming a library or constant needs no re-index.
 */
export async function scriptObjectUsage(repos: Pick<UnitRepos, 'customSteps' | 'libraries'>, workflowId: string): Promise<ScriptObjectUsageIndex> {
  const [steps, libraries] = await Promise.all([repos.customSteps.inWorkflow(workflowId), repos.libraries.inWorkflow(workflowId)]);
  const readers: { reader: Reader; source: string }[] = [
    ...steps.map((row) => ({ reader: { kind: 'script' as const, id: row.id, name: row.name }, source: row.definition.script })),
    ...libraries.map((row) => ({ reader: { kind: 'library' as const, id: row.id, name: row.name }, source: row.source })),
  ];
  const parsed = readers.map(({ reader, source }) => ({ reader, refs: findScriptObjectRefs(source) }));
  const uses = (found: (refs: ReturnType<typeof findScriptObjectRefs>) => ScriptObjectRef | undefined, exceptLibraryId?: string): ScriptObjectUsage[] =>
    parsed
      .flatMap(({ reader, refs }): ScriptObjectUsage[] => {
        const ref = found(refs);
        if (ref === undefined || (reader.kind === 'library' && reader.id === exceptLibraryId)) return [];
        return [
          reader.kind === 'script'
            ? { kind: 'script', customStepId: reader.id, customStepName: reader.name, occurrences: ref.occurrences }
            : { kind: 'library', libraryId: reader.id, libraryName: reader.name, occurrences: ref.occurrences },
        ];
      })
      // Scripts first, then libraries; each by name.
      .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || usageName(a).localeCompare(usageName(b)));
  return {
    library: (nameKey, libraryId) => uses((refs) => refs.libraries.get(nameKey), libraryId),
    constant: (name) => uses((refs) => refs.constants.get(name)),
  };
}

const kindOrder = { script: 0, library: 1 } satisfies Record<ScriptObjectUsage['kind'], number>;

function usageName(use: ScriptObjectUsage): string {
  return use.kind === 'script' ? use.customStepName : use.libraryName;
}

/**
 * scriptObjectUsage outside a unit of work, parsed once per workflow until a custom step or a
 * library is written (lists and Usage ask often; the scripts change seldom).
 */
export function createScriptObjectUsageCache(store: Pick<Store, 'repos' | 'generations'>): (workflowId: string) => Promise<ScriptObjectUsageIndex> {
  const cache = createGenerationCache(store.generations, ['custom_steps', 'libraries'], (workflowId: string) => scriptObjectUsage(store.repos, workflowId), 100);
  return (workflowId) => cache.get(workflowId);
}
