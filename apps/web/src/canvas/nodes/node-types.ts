import type { FlowNodeType } from '@flowyard/engine/schemas';
import type { NodeTypes } from '@xyflow/react';
import { HttpRequestNode } from './HttpRequestNode';
import { ManualTriggerNode } from './ManualTriggerNode';

/** Node components keyed by step type; `satisfies` makes a new step type without a component a type error. */
export const nodeTypes = {
  'manual-trigger': ManualTriggerNode,
  'http-request': HttpRequestNode,
} satisfies Record<FlowNodeType, NodeTypes[string]>;
