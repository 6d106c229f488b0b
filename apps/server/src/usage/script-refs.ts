import { customSteps, eq, lt, scriptEndpointRefs, type FlowyardDb, type ScriptEndpointRefRow } from '@flowyard/db';
import { customStepEndpointNames, scriptIndexVersion, type CustomStepBody } from '@flowyard/engine';

type Orm = FlowyardDb['orm'];

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

/** Statements that replace a custom step's index rows; callers put them in the batch that saves the step. */
export function replaceScriptRefs(orm: Orm, customStepId: string, rows: ScriptEndpointRefRow[]) {
  return [
    orm.delete(scriptEndpointRefs).where(eq(scriptEndpointRefs.customStepId, customStepId)),
    ...(rows.length > 0 ? [orm.insert(scriptEndpointRefs).values(rows)] : []),
  ] as const;
}

/**
 * Indexes the custom steps saved before the script index existed (or by an older parser
 * version); run at start-up. Each step's rows and its version mark are written together.
 */
export async function reindexStaleScripts(db: FlowyardDb): Promise<number> {
  return db.exclusive(async () => {
    const stale = await db.orm.select().from(customSteps).where(lt(customSteps.scriptIndexVersion, scriptIndexVersion));
    for (const row of stale) {
      await db.orm.batch([
        ...replaceScriptRefs(db.orm, row.id, scriptRefRows(row.id, row.workflowId, row.definition)),
        db.orm.update(customSteps).set({ scriptIndexVersion }).where(eq(customSteps.id, row.id)),
      ]);
    }
    return stale.length;
  });
}
