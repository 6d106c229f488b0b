import type { Repos, UsageKey } from '@flowyard/db';
import type { EndpointScriptUsage, EndpointUsage } from '@flowyard/engine';

export type { UsageKey };

/** Custom steps of the workflow whose scripts name `nameKey` literally, by step name. */
export async function scriptUsage(usage: Repos['usage'], workflowId: string, nameKey: string): Promise<EndpointScriptUsage[]> {
  return (await usage.endpointScripts(workflowId, nameKey)).map((row) => ({ kind: 'script', ...row }));
}

/** Everything that uses an endpoint (SPEC §2 usage): flow steps, then scripts that name it. */
export async function endpointUsage(usage: Repos['usage'], key: UsageKey): Promise<EndpointUsage[]> {
  const [steps, scripts] = await Promise.all([usage.endpointSteps(key.id), scriptUsage(usage, key.workflowId, key.nameKey)]);
  return [...steps.map((row) => ({ kind: 'step' as const, ...row })), ...scripts];
}
