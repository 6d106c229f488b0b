import { FlowyardError, type EndpointUsagePage } from '@flowyard/engine';

export function endpointNotFound(id: string): FlowyardError {
  return new FlowyardError('ENDPOINT_NOT_FOUND', 'Endpoint not found', { details: { id } });
}

const counted = (n: number, one: string, many: string): string => `${new Intl.NumberFormat('en').format(n)} ${n === 1 ? one : many}`;

/**
 * Deleting an endpoint that steps use or scripts name: ENDPOINT_IN_USE with `details.usage` (the
 * first few uses), `details.total` and `details.counts` (by kind); the Usage tab lists them all.
 */
export function endpointInUse(name: string, page: EndpointUsagePage): FlowyardError {
  const steps = page.counts.step ?? 0;
  const scripts = page.counts.script ?? 0;
  const integrations = page.counts.integration ?? 0;
  const others = page.total - steps - scripts - integrations;
  const users = [
    ...(steps > 0 ? [counted(steps, 'step', 'steps')] : []),
    ...(scripts > 0 ? [counted(scripts, 'script', 'scripts')] : []),
    ...(integrations > 0 ? [counted(integrations, 'integration', 'integrations')] : []),
    ...(others > 0 ? [counted(others, 'other use', 'other uses')] : []),
  ].join(' and ');
  const fix = page.total === steps ? 'remove it from those steps first' : page.total === steps + scripts ? 'remove it from those steps and scripts first' : 'remove it from those first';
  return new FlowyardError('ENDPOINT_IN_USE', `Endpoint "${name}" is used by ${users} and cannot be deleted; ${fix}`, {
    details: { usage: page.items, total: page.total, counts: page.counts },
  });
}
