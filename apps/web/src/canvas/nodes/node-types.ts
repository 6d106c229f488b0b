import type { FlowNodeType } from '@flowyard/engine/schemas';
import type { NodeTypes } from '@xyflow/react';
import { CustomStepNode } from './CustomStepNode';
import { FindUserNode } from './FindUserNode';
import { HttpRequestNode } from './HttpRequestNode';
import { HttpTriggerNode } from './HttpTriggerNode';
import { ManualTriggerNode } from './ManualTriggerNode';
import { NoteNode } from './NoteNode';
import { SwitchNode } from './SwitchNode';

/** Node components keyed by step type; `satisfies` makes a new step type without a component a type error. */
export const nodeTypes = {
  'manual-trigger': ManualTriggerNode,
  'http-trigger': HttpTriggerNode,
  'http-request': HttpRequestNode,
  'custom-step': CustomStepNode,
  switch: SwitchNode,
  'find-user': FindUserNode,
} satisfies Record<FlowNodeType, NodeTypes[string]>;

/** Everything the canvas draws: the steps, and sticky notes beside them. */
export const canvasNodeTypes = { ...nodeTypes, note: NoteNode } satisfies NodeTypes;
