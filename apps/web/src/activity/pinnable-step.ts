import type { FlowNodeType, StepRecord } from '@flowyard/engine/schemas';

/** Step types whose outputs may be pinned: the actions that do work (a trigger's or a Switch's outputs are not). */
const pinnableTypes: ReadonlySet<FlowNodeType> = new Set<FlowNodeType>(['http-request', 'custom-step', 'find-user']);

/** True when a step record's outputs can be pinned on its node: a pinnable type that produced outputs. */
export function pinnableStep(type: FlowNodeType, step: Pick<StepRecord, 'status' | 'outputs'>): boolean {
  return pinnableTypes.has(type) && step.status === 'succeeded' && step.outputs !== null;
}
