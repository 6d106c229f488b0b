import type { CustomStepLookup } from '../custom-step/custom-step';
import type { FlowNode, FlowNodeOf, FlowNodeType } from '../flow/flow-graph';
import type { Json } from '../run/run-record';
import { customStepStep } from './custom-step/custom-step-step';
import { findUserStep } from './find-user/find-user-step';
import { httpTriggerStep } from './http-trigger/http-trigger-step';
import type { StepContext, StepDescriptor, StepEnvironment, StepResult, TemplateField } from './define-step';
import { httpRequestStep } from './http-request/http-request-step';
import { manualTriggerStep } from './manual-trigger/manual-trigger-step';
import { switchStep } from './switch/switch-step';

type ConfigOf<T extends FlowNodeType> = FlowNodeOf<T>['data']['config'];

/** Every step type by its node type; the canvas palette and the runner both read this. */
export const stepRegistry: { [T in FlowNodeType]: StepDescriptor<T, ConfigOf<T>> } = {
  'manual-trigger': manualTriggerStep,
  'http-trigger': httpTriggerStep,
  'http-request': httpRequestStep,
  'custom-step': customStepStep,
  switch: switchStep,
  'find-user': findUserStep,
};

/**
 * A step's descriptor with its node's config already applied, so callers need not know the
 * config type. `lookup` gives custom step definitions (see StepDescriptor).
 */
export interface BoundStep {
  type: FlowNodeType;
  kind: 'trigger' | 'action';
  outputs(lookup?: CustomStepLookup): readonly string[];
  problems(lookup?: CustomStepLookup): string[];
  endpointIds(): string[];
  templates(lookup?: CustomStepLookup): TemplateField[];
  inputs(lookup?: CustomStepLookup): Record<string, Json>;
  run(env: StepEnvironment): Promise<StepResult>;
  /**
   * Like `run`, for a caller that builds a fresh context per run anyway: it gets the node's config
   * to put in, so the environment is not copied once more to add it (the runner's hot path).
   */
  runIn(context: <C>(config: C) => StepContext<C>): Promise<StepResult>;
}

function bind<T extends FlowNodeType, Config>(descriptor: StepDescriptor<T, Config>, config: Config): BoundStep {
  return {
    type: descriptor.type,
    kind: descriptor.kind,
    outputs: (lookup) => descriptor.outputs(config, lookup),
    problems: (lookup) => descriptor.problems(config, lookup),
    endpointIds: () => descriptor.endpointIds(config),
    templates: (lookup) => descriptor.templates(config, lookup),
    inputs: (lookup) => descriptor.inputs(config, lookup),
    run: (env) => descriptor.run({ ...env, config }),
    runIn: (context) => descriptor.run(context(config)),
  };
}

/** Binds a node to its step descriptor. */
export function bindStep(node: FlowNode): BoundStep {
  switch (node.type) {
    case 'manual-trigger':
      return bind(stepRegistry['manual-trigger'], node.data.config);
    case 'http-trigger':
      return bind(stepRegistry['http-trigger'], node.data.config);
    case 'http-request':
      return bind(stepRegistry['http-request'], node.data.config);
    case 'custom-step':
      return bind(stepRegistry['custom-step'], node.data.config);
    case 'switch':
      return bind(stepRegistry.switch, node.data.config);
    case 'find-user':
      return bind(stepRegistry['find-user'], node.data.config);
  }
}

/**
 * What still needs setting on a node before it can run (empty when ready); the canvas shows a
 * badge. Pass the workflow's custom step definitions to check custom steps against theirs.
 */
export function stepProblems(node: FlowNode, lookup?: CustomStepLookup): string[] {
  return bindStep(node).problems(lookup);
}

/** The endpoint ids a node references, for the endpoint usage index. */
export function stepEndpointIds(node: FlowNode): string[] {
  return bindStep(node).endpointIds();
}

/** The output names later steps can reference on a node (custom steps need `lookup`). */
export function stepOutputs(node: FlowNode, lookup?: CustomStepLookup): readonly string[] {
  return bindStep(node).outputs(lookup);
}

/** The custom step definition a node is an instance of, or null for other step types. */
export function stepCustomStepId(node: FlowNode): string | null {
  return node.type === 'custom-step' ? node.data.config.customStepId : null;
}
