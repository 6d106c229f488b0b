import type { Repos, UnitRepos } from '@flowyard/db';
import type { EndpointStepUsage, EndpointUsage } from '@flowyard/engine';
import { endpointUsageSources, type UsageKey, type UsageRepos } from './endpoint-usage';
import type { UsageSource } from './usage-pages';

/**
 * The custom steps of a workflow bound to its built-in endpoint by their type (Include Endpoint,
 * Endpoint Type Flowyard): their instances use it without holding its id.
 */
export async function flowyardCustomStepIds(repos: Pick<UnitRepos, 'customSteps'>, workflowId: string): Promise<string[]> {
  const steps = await repos.customSteps.inWorkflow(workflowId);
  return steps.filter((row) => row.definition.includeEndpoint && row.definition.endpointType === 'flowyard').map((row) => row.id);
}

/** How many flow steps are instances of `customStepIds`. */
export async function instanceCount(usage: Repos['usage'], customStepIds: readonly string[]): Promise<number> {
  const counts = await usage.customStepCounts(customStepIds);
  return [...counts.values()].reduce((sum, n) => sum + n, 0);
}

/**
 * The built-in endpoint's Usage: as any endpoint's, but its flow steps are the Find User steps
 * (indexed under its id) and the instances of `customStepIds`, in one order.
 */
export function builtinUsageSources(repos: UsageRepos, key: UsageKey, customStepIds: readonly string[]): UsageSource<EndpointUsage>[] {
  const { usage } = repos;
  const steps: UsageSource<EndpointStepUsage> = {
    kind: 'step',
    count: async () => (await usage.endpointUseCounts(key)).steps + (await instanceCount(usage, customStepIds)),
    async page(limit, after) {
      const [flowName, flowId, stepName, nodeId] = after ?? [];
      const position = flowName !== undefined && flowId !== undefined && stepName !== undefined && nodeId !== undefined ? { flowName, flowId, stepName, nodeId } : undefined;
      const rows = await usage.builtinSteps(key.id, customStepIds, { limit, after: position });
      return rows.map((row) => ({ item: { kind: 'step', ...row }, position: [row.flowName, row.flowId, row.stepName, row.nodeId] }));
    },
  };
  return endpointUsageSources(repos, key).map((source) => (source.kind === 'step' ? steps : source));
}
