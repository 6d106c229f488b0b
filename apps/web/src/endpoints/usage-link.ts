import type { EndpointIntegrationUsage, EndpointScriptUsage, EndpointStepUsage, EndpointUsage } from '@flowyard/engine/schemas';

/** A flow step that uses something (an endpoint, a custom step): enough to name it and open it. */
export type FlowStepRef = Pick<EndpointStepUsage, 'flowId' | 'flowName' | 'nodeId' | 'stepName'>;

/** The canvas URL that opens the flow with the using step selected. */
export function usageHref(usage: Pick<FlowStepRef, 'flowId' | 'nodeId'>): string {
  return `/flows/${encodeURIComponent(usage.flowId)}?step=${encodeURIComponent(usage.nodeId)}`;
}

/** How a usage reads in lists: "<flow> › <step>". */
export function usageLabel(usage: Pick<FlowStepRef, 'flowName' | 'stepName'>): string {
  return `${usage.flowName} › ${usage.stepName}`;
}

/** The step editor of a custom step whose script names an endpoint. */
export function scriptUsageHref(usage: Pick<EndpointScriptUsage, 'customStepId'>): string {
  return `/steps/${encodeURIComponent(usage.customStepId)}`;
}

/** An endpoint's usage split by kind: flow steps holding its id, custom step scripts and integrations naming it. */
export function splitUsage(usage: readonly EndpointUsage[]): { steps: EndpointStepUsage[]; scripts: EndpointScriptUsage[]; integrations: EndpointIntegrationUsage[] } {
  const steps: EndpointStepUsage[] = [];
  const scripts: EndpointScriptUsage[] = [];
  const integrations: EndpointIntegrationUsage[] = [];
  for (const entry of usage) {
    if (entry.kind === 'step') steps.push(entry);
    else if (entry.kind === 'script') scripts.push(entry);
    else integrations.push(entry);
  }
  return { steps, scripts, integrations };
}

const numbers = new Intl.NumberFormat('en');

/** "1 step", "10,000 steps". */
export function formatCount(n: number, one: string, many: string): string {
  return `${numbers.format(n)} ${n === 1 ? one : many}`;
}
