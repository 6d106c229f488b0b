import type { Json, ReferenceScope, StepRecord, UpstreamStep } from '@flowyard/engine/schemas';

/** A run's step records (as `runs.get` returns them), as far as data picking reads them. */
export interface RunRecords {
  steps: readonly Pick<StepRecord, 'nodeId' | 'outputs'>[];
}

/** The outputs a step recorded in the run (its latest record that has any), or null when it has none. */
export function recordedOutputs(run: RunRecords, nodeId: string): Record<string, Json> | null {
  for (let i = run.steps.length - 1; i >= 0; i--) {
    const step = run.steps[i];
    if (step?.nodeId === nodeId && step.outputs !== null) return step.outputs;
  }
  return null;
}

/**
 * What references in a step would see if the run's data flowed into it now: the recorded outputs
 * of its upstream steps under the names they have today (`trigger` for the trigger that started it).
 */
export function runScope(upstream: readonly UpstreamStep[], run: RunRecords): ReferenceScope {
  const scope: ReferenceScope = Object.create(null);
  for (const step of upstream) {
    const outputs = recordedOutputs(run, step.nodeId);
    if (outputs !== null) scope[step.referenceName] = outputs;
  }
  return scope;
}

/** Step reference names → the output names a reference may use: the declared ones and any the run recorded. */
export function referenceShape(upstream: readonly UpstreamStep[], run: RunRecords | null): Record<string, string[]> {
  const shape: Record<string, string[]> = Object.create(null);
  for (const step of upstream) {
    const recorded = run === null ? [] : Object.keys(recordedOutputs(run, step.nodeId) ?? {});
    shape[step.referenceName] = [...new Set([...(shape[step.referenceName] ?? []), ...step.outputs, ...recorded])];
  }
  return shape;
}
