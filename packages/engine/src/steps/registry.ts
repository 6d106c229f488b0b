import type { FlowNode, FlowNodeOf, FlowNodeType } from '../flow/flow-graph';
import type { Json } from '../run/run-record';
import type { StepDescriptor, StepEnvironment, StepResult } from './define-step';
import { httpRequestStep } from './http-request/http-request-step';
import { manualTriggerStep } from './manual-trigger/manual-trigger-step';

type ConfigOf<T extends FlowNodeType> = FlowNodeOf<T>['data']['config'];

/** Every step type by its node type; the canvas palette and the runner both read this. */
export const stepRegistry: { [T in FlowNodeType]: StepDescriptor<T, ConfigOf<T>> } = {
  'manual-trigger': manualTriggerStep,
  'http-request': httpRequestStep,
};

/** A step's descriptor with its node's config already applied, so callers need not know the config type. */
export interface BoundStep {
  type: FlowNodeType;
  kind: 'trigger' | 'action';
  problems(): string[];
  endpointIds(): string[];
  inputs(): Record<string, Json>;
  run(env: StepEnvironment): Promise<StepResult>;
}

function bind<T extends FlowNodeType, Config>(descriptor: StepDescriptor<T, Config>, config: Config): BoundStep {
  return {
    type: descriptor.type,
    kind: descriptor.kind,
    problems: () => descriptor.problems(config),
    endpointIds: () => descriptor.endpointIds(config),
    inputs: () => descriptor.inputs(config),
    run: (env) => descriptor.run({ ...env, config }),
  };
}

/** Binds a node to its step descriptor. */
export function bindStep(node: FlowNode): BoundStep {
  switch (node.type) {
    case 'manual-trigger':
      return bind(stepRegistry['manual-trigger'], node.data.config);
    case 'http-request':
      return bind(stepRegistry['http-request'], node.data.config);
  }
}

/** What still needs setting on a node before it can run (empty when ready); the canvas shows a badge. */
export function stepProblems(node: FlowNode): string[] {
  return bindStep(node).problems();
}

/** The endpoint ids a node references, for the endpoint usage index. */
export function stepEndpointIds(node: FlowNode): string[] {
  return bindStep(node).endpointIds();
}
