import { FlowyardError, type CustomStepUsage } from '@flowyard/engine';

export function customStepNotFound(id: string): FlowyardError {
  return new FlowyardError('NOT_FOUND', 'Custom step not found', { details: { id } });
}

/** Deleting a custom step that flows use: CONFLICT naming the flows and steps. */
export function customStepInUse(name: string, usage: CustomStepUsage[]): FlowyardError {
  const flows = [...new Set(usage.map((use) => `"${use.flowName}"`))];
  const where = flows.length === 1 ? `flow ${flows[0] ?? ''}` : `flows ${flows.join(', ')}`;
  const steps = usage.length === 1 ? '1 step' : `${usage.length} steps`;
  return new FlowyardError('CONFLICT', `Custom step "${name}" is used by ${steps} in ${where} and cannot be deleted; remove those steps first`, {
    details: { usage },
  });
}
