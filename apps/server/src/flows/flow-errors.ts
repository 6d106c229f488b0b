import { FlowyardError } from '@flowyard/engine';

export function flowNotFound(id: string): FlowyardError {
  return new FlowyardError('NOT_FOUND', 'Flow not found', { details: { id } });
}

/** Deleting a flow whose runs trigger outbound integrations: CONFLICT naming them, as a deleted flow would leave them triggered by nothing. */
export function flowTriggersIntegrations(flowName: string, integrations: readonly { id: string; name: string }[]): FlowyardError {
  const names = integrations.map((integration) => `"${integration.name}"`).join(', ');
  const which = integrations.length === 1 ? 'integration' : 'integrations';
  return new FlowyardError('CONFLICT', `Flow "${flowName}" triggers the outbound ${which} ${names} and cannot be deleted; change their trigger or delete them first`, {
    details: { integrations: integrations.map(({ id, name }) => ({ id, name })) },
  });
}
