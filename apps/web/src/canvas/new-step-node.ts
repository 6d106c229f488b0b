import {
  httpRequestConfigSchema,
  manualTriggerConfigSchema,
  type FlowNode,
  type FlowNodeType,
} from '@flowyard/engine/schemas';

/** The default name a new step of each type gets (made unique with a number suffix). */
export const stepTitles: Record<FlowNodeType, string> = {
  'manual-trigger': 'Manual Trigger',
  'http-request': 'HTTP Request',
};

/** A fresh node of `type` with the config schema's defaults. */
export function newStepNode(type: FlowNodeType, id: string, name: string, position: { x: number; y: number }): FlowNode {
  switch (type) {
    case 'manual-trigger':
      return { id, type, position, data: { name, config: manualTriggerConfigSchema.parse({}) } };
    case 'http-request':
      return { id, type, position, data: { name, config: httpRequestConfigSchema.parse({}) } };
  }
}
