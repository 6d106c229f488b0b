import type { EndpointUsage } from '@flowyard/engine/schemas';

/** The canvas URL that opens the flow with the using step selected. */
export function usageHref(usage: Pick<EndpointUsage, 'flowId' | 'nodeId'>): string {
  return `/flows/${encodeURIComponent(usage.flowId)}?step=${encodeURIComponent(usage.nodeId)}`;
}

/** How a usage reads in lists: "<flow> › <step>". */
export function usageLabel(usage: Pick<EndpointUsage, 'flowName' | 'stepName'>): string {
  return `${usage.flowName} › ${usage.stepName}`;
}
