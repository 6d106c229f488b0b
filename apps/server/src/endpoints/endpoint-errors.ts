import { FlowyardError, type EndpointUsage } from '@flowyard/engine';

export function endpointNotFound(id: string): FlowyardError {
  return new FlowyardError('ENDPOINT_NOT_FOUND', 'Endpoint not found', { details: { id } });
}

export function endpointInUse(name: string, usage: EndpointUsage[]): FlowyardError {
  const steps = usage.length === 1 ? '1 step' : `${usage.length} steps`;
  return new FlowyardError('ENDPOINT_IN_USE', `Endpoint "${name}" is used by ${steps} and cannot be deleted; remove it from those steps first`, {
    details: { usage },
  });
}
