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
 * What references in a step would see if the run's data flowed into it now, as the runner builds
 * it: the recorded outputs of its upstream steps under the names they have today, and the trigger
 * that started the run also as `trigger`.
 */
export function runScope(upstream: readonly UpstreamStep[], run: RunRecords): ReferenceScope {
  const scope: ReferenceScope = Object.create(null);
  const recorded = upstream.flatMap((step) => {
    const outputs = recordedOutputs(run, step.nodeId);
    return outputs === null ? [] : [{ step, outputs }];
  });
  for (const { step, outputs } of recorded) scope[step.stepName] = outputs;
  for (const { step, outputs } of recorded) if (step.referenceName !== step.stepName) scope[step.referenceName] = outputs;
  return scope;
}

/**
 * The names references can start with (step names, and `trigger`) → the output names they may
 * use: the declared ones and any the run recorded. Generated references are checked against it.
 */
export function referenceShape(upstream: readonly UpstreamStep[], run: RunRecords | null): Record<string, string[]> {
  const shape: Record<string, string[]> = Object.create(null);
  for (const step of upstream) {
    const recorded = run === null ? [] : Object.keys(recordedOutputs(run, step.nodeId) ?? {});
    for (const name of new Set([step.stepName, step.referenceName])) {
      shape[name] = [...new Set([...(shape[name] ?? []), ...step.outputs, ...recorded])];
    }
  }
  return shape;
}
