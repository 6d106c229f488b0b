import { type OutboundTrigger } from '@flowyard/engine/schemas';
import { outboundEventLabels, orderedEvents } from './integration-form';

export const integrationsHref = '/integration-builder/integrations';

/** The editor of a stored integration. */
export function integrationHref(id: string): string {
  return `${integrationsHref}/${encodeURIComponent(id)}`;
}

/** The log of a stored integration. */
export function integrationLogHref(id: string): string {
  return `${integrationHref(id)}/log`;
}

/** "Run failed, Step failed · any flow" / "… · Orders sync": what starts an outbound integration. */
export function triggerSummary(trigger: Pick<OutboundTrigger, 'events' | 'flowId'>, flowNames: ReadonlyMap<string, string>): string {
  const events = orderedEvents(trigger.events).map((event) => outboundEventLabels[event]).join(', ');
  const flow = trigger.flowId === null ? 'any flow' : (flowNames.get(trigger.flowId) ?? 'a removed flow');
  return `${events || 'No events'} · ${flow}`;
}
