import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { first, type QueryContext } from './query-context';

/** The endpoint as the usage index knows it: steps hold its id, scripts its name. */
export interface UsageKey {
  id: string;
  workflowId: string;
  nameKey: string;
}

/** A step of a flow that uses an endpoint or a custom step. */
export interface StepUse {
  flowId: string;
  flowName: string;
  nodeId: string;
  stepName: string;
}

/** Keyset position in an endpoint's steps (by flow name, flow, step name, node): the last one seen. */
export type StepUsePosition = StepUse;

/** Keyset position in the scripts naming an endpoint (by custom step name key, then id). */
export interface ScriptUsePosition {
  nameKey: string;
  customStepId: string;
}

/** A custom step whose script names an endpoint literally, and how often. */
export interface ScriptUse {
  customStepId: string;
  customStepName: string;
  occurrences: number;
}

/**
 * The usage index (endpoint_refs, custom_step_refs, script_endpoint_refs), read: who uses an
 * endpoint or a custom step, without scanning graphs or parsing scripts. Flow and custom step
 * saves write it (flows and customSteps repositories).
 */
export function usageRepo({ orm, t }: QueryContext) {
  const { endpointRefs, customStepRefs, scriptEndpointRefs, flows, customSteps } = t;
  return {
    /** Flow steps that hold the endpoint's id, by flow name (then flow) and step name; a page of `limit` after `after` when given. */
    endpointSteps: async (endpointId: string, page?: { limit: number; after?: StepUsePosition | undefined }): Promise<StepUse[]> => {
      const after = page?.after;
      const query = orm
        .select({ flowId: endpointRefs.flowId, flowName: flows.name, nodeId: endpointRefs.nodeId, stepName: endpointRefs.stepName })
        .from(endpointRefs)
        .innerJoin(flows, eq(flows.id, endpointRefs.flowId))
        .where(
          and(
            eq(endpointRefs.endpointId, endpointId),
            after && sql`(${flows.name}, ${endpointRefs.flowId}, ${endpointRefs.stepName}, ${endpointRefs.nodeId}) > (${after.flowName}, ${after.flowId}, ${after.stepName}, ${after.nodeId})`,
          ),
        )
        .orderBy(asc(flows.name), asc(endpointRefs.flowId), asc(endpointRefs.stepName), asc(endpointRefs.nodeId));
      return page ? query.limit(page.limit) : query;
    },

    /**
     * Flow steps that use the built-in endpoint: those the index holds under its id (Find User),
     * and the instances of `customStepIds` (custom steps bound to it by their type, which their
     * instances do not store). One order, as endpointSteps; a page of `limit` after `after` when given.
     */
    builtinSteps: async (endpointId: string, customStepIds: readonly string[], page?: { limit: number; after?: StepUsePosition | undefined }): Promise<StepUse[]> => {
      const after = page?.after;
      const keyset = (flowId: unknown, stepName: unknown, nodeId: unknown) =>
        after && sql`(${flows.name}, ${flowId}, ${stepName}, ${nodeId}) > (${after.flowName}, ${after.flowId}, ${after.stepName}, ${after.nodeId})`;
      const refs = orm
        .select({ flowId: endpointRefs.flowId, flowName: flows.name, nodeId: endpointRefs.nodeId, stepName: endpointRefs.stepName })
        .from(endpointRefs)
        .innerJoin(flows, eq(flows.id, endpointRefs.flowId))
        .where(and(eq(endpointRefs.endpointId, endpointId), keyset(endpointRefs.flowId, endpointRefs.stepName, endpointRefs.nodeId)));
      if (customStepIds.length === 0) {
        const query = refs.orderBy(asc(flows.name), asc(endpointRefs.flowId), asc(endpointRefs.stepName), asc(endpointRefs.nodeId));
        return page ? query.limit(page.limit) : query;
      }
      const instances = orm
        .select({ flowId: customStepRefs.flowId, flowName: flows.name, nodeId: customStepRefs.nodeId, stepName: customStepRefs.stepName })
        .from(customStepRefs)
        .innerJoin(flows, eq(flows.id, customStepRefs.flowId))
        .where(and(inArray(customStepRefs.customStepId, [...customStepIds]), keyset(customStepRefs.flowId, customStepRefs.stepName, customStepRefs.nodeId)));
      // By output position (flow name, flow, step name, node): both selects list them alike.
      const query = refs.unionAll(instances).orderBy(sql.raw('2'), sql.raw('1'), sql.raw('4'), sql.raw('3'));
      return page ? query.limit(page.limit) : query;
    },

    /** Custom steps of the workflow whose scripts name `nameKey` literally, by step name; a page of `limit` after `after` when given. */
    endpointScripts: async (
      workflowId: string,
      nameKey: string,
      page?: { limit: number; after?: ScriptUsePosition | undefined },
    ): Promise<(ScriptUse & { nameKey: string })[]> => {
      const after = page?.after;
      const query = orm
        .select({ customStepId: scriptEndpointRefs.customStepId, customStepName: customSteps.name, occurrences: scriptEndpointRefs.occurrences, nameKey: customSteps.nameKey })
        .from(scriptEndpointRefs)
        .innerJoin(customSteps, eq(customSteps.id, scriptEndpointRefs.customStepId))
        .where(
          and(
            eq(scriptEndpointRefs.workflowId, workflowId),
            eq(scriptEndpointRefs.endpointNameKey, nameKey),
            after && sql`(${customSteps.nameKey}, ${customSteps.id}) > (${after.nameKey}, ${after.customStepId})`,
          ),
        )
        .orderBy(asc(customSteps.nameKey), asc(customSteps.id));
      return page ? query.limit(page.limit) : query;
    },

    /** How many flow steps hold the endpoint's id, and how many scripts of its workflow name it. */
    async endpointUseCounts(key: UsageKey): Promise<{ steps: number; scripts: number }> {
      const [steps, scripts] = await Promise.all([
        first(orm.select({ n: count() }).from(endpointRefs).where(eq(endpointRefs.endpointId, key.id))),
        first(
          orm
            .select({ n: count() })
            .from(scriptEndpointRefs)
            .where(and(eq(scriptEndpointRefs.workflowId, key.workflowId), eq(scriptEndpointRefs.endpointNameKey, key.nameKey))),
        ),
      ]);
      return { steps: steps?.n ?? 0, scripts: scripts?.n ?? 0 };
    },

    /** Uses (steps plus scripts) of many endpoints of one workflow, by endpoint id. */
    async endpointCounts(keys: readonly UsageKey[]): Promise<Map<string, number>> {
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
    },

    /** Flow steps that are instances of the custom step, by flow and step name. */
    customStepSteps: async (customStepId: string): Promise<StepUse[]> =>
      orm
        .select({ flowId: customStepRefs.flowId, flowName: flows.name, nodeId: customStepRefs.nodeId, stepName: customStepRefs.stepName })
        .from(customStepRefs)
        .innerJoin(flows, eq(flows.id, customStepRefs.flowId))
        .where(eq(customStepRefs.customStepId, customStepId))
        .orderBy(asc(flows.name), asc(customStepRefs.stepName), asc(customStepRefs.nodeId)),

    /** How many flow steps use each of the custom steps, by id (absent: none). */
    async customStepCounts(ids: readonly string[]): Promise<Map<string, number>> {
      if (ids.length === 0) return new Map();
      const rows = await orm
        .select({ customStepId: customStepRefs.customStepId, uses: count() })
        .from(customStepRefs)
        .where(inArray(customStepRefs.customStepId, [...ids]))
        .groupBy(customStepRefs.customStepId);
      return new Map(rows.map((row) => [row.customStepId, row.uses]));
    },
  };
}
