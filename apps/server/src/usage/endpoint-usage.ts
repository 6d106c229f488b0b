import type { Repos, UsageKey } from '@flowyard/db';
import type { EndpointScriptUsage, EndpointStepUsage, EndpointUsage } from '@flowyard/engine';
import type { UsageSource } from './usage-pages';

export type { UsageKey };

/** Custom steps of the workflow whose scripts name `nameKey` literally, by step name. */
export async function scriptUsage(usage: Repos['usage'], workflowId: string, nameKey: string): Promise<EndpointScriptUsage[]> {
  return (await usage.endpointScripts(workflowId, nameKey)).map(({ nameKey: _key, ...row }) => ({ kind: 'script', ...row }));
}

/** Everything that uses an endpoint (SPEC §2 usage): flow steps, then scripts that name it. */
export async function endpointUsage(usage: Repos['usage'], key: UsageKey): Promise<EndpointUsage[]> {
  const [steps, scripts] = await Promise.all([usage.endpointSteps(key.id), scriptUsage(usage, key.workflowId, key.nameKey)]);
  return [...steps.map((row) => ({ kind: 'step' as const, ...row })), ...scripts];
}

/**
 * The kinds of use of an endpoint, in the order its Usage lists them (flow steps, then scripts);
 * each pages by keyset on the usage index. Another kind of use is another source here.
 */
export function endpointUsageSources(usage: Repos['usage'], key: UsageKey): UsageSource<EndpointUsage>[] {
  let counts: Promise<{ steps: number; scripts: number }> | undefined;
  const countsOnce = () => (counts ??= usage.endpointUseCounts(key));
  const steps: UsageSource<EndpointStepUsage> = {
    kind: 'step',
    count: async () => (await countsOnce()).steps,
    async page(limit, after) {
      const [flowName, flowId, stepName, nodeId] = after ?? [];
      const position = flowName !== undefined && flowId !== undefined && stepName !== undefined && nodeId !== undefined ? { flowName, flowId, stepName, nodeId } : undefined;
      const rows = await usage.endpointSteps(key.id, { limit, after: position });
      return rows.map((row) => ({ item: { kind: 'step', ...row }, position: [row.flowName, row.flowId, row.stepName, row.nodeId] }));
    },
  };
  const scripts: UsageSource<EndpointScriptUsage> = {
    kind: 'script',
    count: async () => (await countsOnce()).scripts,
    async page(limit, after) {
      const [nameKey, customStepId] = after ?? [];
      const position = nameKey !== undefined && customStepId !== undefined ? { nameKey, customStepId } : undefined;
      const rows = await usage.endpointScripts(key.workflowId, key.nameKey, { limit, after: position });
      return rows.map(({ nameKey: rowKey, ...row }) => ({ item: { kind: 'script', ...row }, position: [rowKey, row.customStepId] }));
    },
  };
  return [steps, scripts];
}
