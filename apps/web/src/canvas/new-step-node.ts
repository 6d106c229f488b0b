import {
  customStepConfigSchema,
  findUserConfigSchema,
  httpRequestConfigSchema,
  httpTriggerConfigSchema,
  manualTriggerConfigSchema,
  switchConfigSchema,
  type FlowNode,
} from '@flowyard/engine/schemas';
import type { BuiltInStepType } from './step-visuals';

/** What the palette adds: a built-in step type, or an instance of one custom step definition. */
export type NewStep = { type: BuiltInStepType } | { type: 'custom-step'; customStepId: string; title: string };

/** The default name a new built-in step gets (made unique with a number suffix). */
export const stepTitles: Record<BuiltInStepType, string> = {
  'manual-trigger': 'Manual Trigger',
  'http-trigger': 'HTTP Trigger',
  'http-request': 'HTTP Request',
  switch: 'Switch',
  'find-user': 'Find User',
};

/** A built-in type given as a bare string means that type. */
export function toNewStep(step: BuiltInStepType | NewStep): NewStep {
  return typeof step === 'string' ? { type: step } : step;
}

/** The name a new step starts from: the type's title, or the custom step's own name. */
export function newStepTitle(step: NewStep): string {
  return step.type === 'custom-step' ? step.title : stepTitles[step.type];
}

/** A fresh node with the config schema's defaults. */
export function newStepNode(step: NewStep, id: string, name: string, position: { x: number; y: number }): FlowNode {
  switch (step.type) {
    case 'manual-trigger':
      return { id, type: step.type, position, data: { name, config: manualTriggerConfigSchema.parse({}) } };
    case 'http-trigger':
      return { id, type: step.type, position, data: { name, config: httpTriggerConfigSchema.parse({}) } };
    case 'http-request':
      return { id, type: step.type, position, data: { name, config: httpRequestConfigSchema.parse({}) } };
    case 'switch':
      return { id, type: step.type, position, data: { name, config: switchConfigSchema.parse({}) } };
    case 'find-user':
      return { id, type: step.type, position, data: { name, config: findUserConfigSchema.parse({}) } };
    case 'custom-step':
      return { id, type: step.type, position, data: { name, config: customStepConfigSchema.parse({ customStepId: step.customStepId }) } };
  }
}
