import { and, asc, count, customSteps, endpointRefs, eq, flows, inArray, scriptEndpointRefs, type FlowyardDb } from '@flowyard/db';
import type { EndpointScriptUsage, EndpointStepUsage, EndpointUsage } from '@flowyard/engine';

type Orm = FlowyardDb['orm'];

/** The endpoint as the usage index knows it: steps hold its id, scripts its name. */
export interface UsageKey {
  id: string;
  workflowId: string;
  nameKey: string;
}

/** Flow steps that hold the endpoint's id, by flow and step name. */
export async function stepUsage(orm: Orm, id: string): Promise<EndpointStepUsage[]> {
  const rows = await orm
    .select({ flowId: endpointRefs.flowId, flowName: flows.name, nodeId: endpointRefs.nodeId, stepName: endpointRefs.stepName })
    .from(endpointRefs)
    .innerJoin(flows, eq(flows.id, endpointRefs.flowId))
    .where(eq(endpointRefs.endpointId, id))
    .orderBy(asc(flows.name), asc(endpointRefs.stepName), asc(endpointRefs.nodeId));
  return rows.map((row) => ({ kind: 'step', ...row }));
}

/** Custom steps of the workflow whose scripts name `nameKey` literally, by step name. */
export async function scriptUsage(orm: Orm, workflowId: string, nameKey: string): Promise<EndpointScriptUsage[]> {
  const rows = await orm
    .select({ customStepId: scriptEndpointRefs.customStepId, customStepName: customSteps.name, occurrences: scriptEndpointRefs.occurrences })
    .from(scriptEndpointRefs)
    .innerJoin(customSteps, eq(customSteps.id, scriptEndpointRefs.customStepId))
    .where(and(eq(scriptEndpointRefs.workflowId, workflowId), eq(scriptEndpointRefs.endpointNameKey, nameKey)))
    .orderBy(asc(customSteps.nameKey), asc(customSteps.id));
  return rows.map((row) => ({ kind: 'script', ...row }));
}

/** Everything that uses an endpoint (SPEC §2 usage): flow steps, then scripts that name it. */
export async function endpointUsage(orm: Orm, key: UsageKey): Promise<EndpointUsage[]> {
  const [steps, scripts] = await Promise.all([stepUsage(orm, key.id), scriptUsage(orm, key.workflowId, key.nameKey)]);
  return [...steps, ...scripts];
}

/** Usage counts (steps plus scripts) for many endpoints of one workflow, from the index. */
export async function usageCounts(orm: Orm, keys: UsageKey[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (keys.length === 0) return counts;
  const stepRows = await orm
    .select({ endpointId: endpointRefs.endpointId, uses: count() })
    .from(endpointRefs)
    .where(inArray(endpointRefs.endpointId, keys.map((k) => k.id)))
    .groupBy(endpointRefs.endpointId);
  for (const row of stepRows) counts.set(row.endpointId, row.uses);
  const workflowIds = [...new Set(keys.map((k) => k.workflowId))];
  const scriptRows = await orm
    .select({ workflowId: scriptEndpointRefs.workflowId, nameKey: scriptEndpointRefs.endpointNameKey, scripts: count() })
    .from(scriptEndpointRefs)
    .where(and(inArray(scriptEndpointRefs.workflowId, workflowIds), inArray(scriptEndpointRefs.endpointNameKey, keys.map((k) => k.nameKey))))
    .groupBy(scriptEndpointRefs.workflowId, scriptEndpointRefs.endpointNameKey);
  for (const key of keys) {
    const scripts = scriptRows.find((row) => row.workflowId === key.workflowId && row.nameKey === key.nameKey)?.scripts ?? 0;
    counts.set(key.id, (counts.get(key.id) ?? 0) + scripts);
  }
  return counts;
}
