import { FlowyardError, type EndpointUsage } from '@flowyard/engine';

export function endpointNotFound(id: string): FlowyardError {
  return new FlowyardError('ENDPOINT_NOT_FOUND', 'Endpoint not found', { details: { id } });
}

const counted = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Deleting an endpoint that steps use or scripts name: ENDPOINT_IN_USE with `details.usage` listing them. */
export function endpointInUse(name: string, usage: EndpointUsage[]): FlowyardError {
  const steps = usage.filter((use) => use.kind === 'step').length;
  const scripts = usage.length - steps;
  const users = [...(steps > 0 ? [counted(steps, 'step', 'steps')] : []), ...(scripts > 0 ? [counted(scripts, 'script', 'scripts')] : [])].join(' and ');
  const fix = scripts > 0 ? 'remove it from those steps and scripts first' : 'remove it from those steps first';
  return new FlowyardError('ENDPOINT_IN_USE', `Endpoint "${name}" is used by ${users} and cannot be deleted; ${fix}`, {
    details: { usage },
  });
}
