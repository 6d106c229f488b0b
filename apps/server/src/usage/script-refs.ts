import type { ScriptEndpointRefRow, Store } from '@flowyard/db';
import { customStepEndpointNames, scriptIndexVersion, type CustomStepBody } from '@flowyard/engine';

/** The script usage-index rows of one custom step: each endpoint name its script writes literally. */
export function scriptRefRows(customStepId: string, workflowId: string, step: CustomStepBody): ScriptEndpointRefRow[] {
  return customStepEndpointNames(step).map((name) => ({
    customStepId,
    workflowId,
    endpointNameKey: name.nameKey,
    endpointName: name.name,
    occurrences: name.occurrences,
  }));
}

/**
 * Indexes the custom steps saved before the script index existed (or by an older parser
 * version); run at start-up. Each step's rows and its version mark are written together.
 */
export async function reindexStaleScripts(store: Store): Promise<number> {
  return store.unitOfWork(async (tx) => {
    const stale = await tx.repos.customSteps.indexedBefore(scriptIndexVersion);
    for (const row of stale) await tx.repos.customSteps.update(row.id, { scriptIndexVersion }, scriptRefRows(row.id, row.workflowId, row.definition));
    return stale.length;
  });
}
