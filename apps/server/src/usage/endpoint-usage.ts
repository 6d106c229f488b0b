import type { Repos, UsageKey } from '@flowyard/db';
import type { EndpointIntegrationUsage, EndpointScriptUsage, EndpointStepUsage, EndpointUsage } from '@flowyard/engine';
import type { UsageSource } from './usage-pages';

export type { UsageKey };

/** The repositories Usage reads (inside a unit of work too). */
export type UsageRepos = { usage: Repos['usage']; integrations: Pick<Repos['integrations'], 'endpointScripts' | 'endpointScriptCounts'> };

/** Custom steps of the workflow whose scripts name `nameKey` literally, by step name. */
export async function scriptUsage(usage: Repos['usage'], workflowId: string, nameKey: string): Promise<EndpointScriptUsage[]> {
  return (await usage.endpointScripts(workflowId, nameKey)).map(({ nameKey: _key, ...row }) => ({ kind: 'script', ...row }));
}

/** Integrations of the workflow whose scripts name `nameKey` literally, by name. */
export async function integrationUsage(integrations: UsageRepos['integrations'], workflowId: string, nameKey: string): Promise<EndpointIntegrationUsage[]> {
  return (await integrations.endpointScripts(workflowId, nameKey)).map(({ nameKey: _key, ...row }) => ({ kind: 'integration', ...row }));
}

/** Everything that uses an endpoint (SPEC §2 usage): flow steps, then scripts that name it, then integrations. */
export async function endpointUsage(repos: UsageRepos, key: UsageKey): Promise<EndpointUsage[]> {
  const [steps, scripts, integrations] = await Promise.all([
    repos.usage.endpointSteps(key.id),
    scriptUsage(repos.usage, key.workflowId, key.nameKey),
    integrationUsage(repos.integrations, key.workflowId, key.nameKey),
  ]);
  return [...steps.map((row) => ({ kind: 'step' as const, ...row })), ...scripts, ...integrations];
}

/**
 * The kinds of use of an endpoint, in the order its Usage lists them (flow steps, then scripts);
 * each pages by keyset on the usage index. Another kind of use is another source here.
 */
export function endpointUsageSources(repos: UsageRepos, key: UsageKey): UsageSource<EndpointUsage>[] {
  const { usage } = repos;
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
  const integrations: UsageSource<EndpointIntegrationUsage> = {
    kind: 'integration',
    count: async () => (await repos.integrations.endpointScriptCounts(key.workflowId, [key.nameKey])).get(key.nameKey) ?? 0,
    async page(limit, after) {
      const [nameKey, integrationId] = after ?? [];
      const position = nameKey !== undefined && integrationId !== undefined ? { nameKey, integrationId } : undefined;
      const rows = await repos.integrations.endpointScripts(key.workflowId, key.nameKey, { limit, after: position });
      return rows.map(({ nameKey: rowKey, ...row }) => ({ item: { kind: 'integration', ...row }, position: [rowKey, row.integrationId] }));
    },
  };
  return [steps, scripts, integrations];
}
