import type { IntegrationKind } from '@flowyard/engine/schemas';

/** "No integrations yet", "1 inbound, 2 outbound": the counts beside the Integrations section. */
export function integrationCountText(integrations: ReadonlyArray<{ integration: { kind: IntegrationKind } }>): string {
  if (integrations.length === 0) return 'No integrations yet';
  const inbound = integrations.filter((view) => view.integration.kind === 'inbound').length;
  return `${inbound} inbound, ${integrations.length - inbound} outbound`;
}
