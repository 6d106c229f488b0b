import { memo } from 'react';
import { stepProblems, type FlowNodeOf } from '@flowyard/engine/schemas';
import type { Node, NodeProps } from '@xyflow/react';
import { stepVisuals } from '../step-visuals';
import { StepNodeCard } from './StepNodeCard';

export const ManualTriggerNode = memo(function ManualTriggerNode({ id, data, selected, positionAbsoluteX, positionAbsoluteY }: NodeProps<Node<FlowNodeOf<'manual-trigger'>['data'], 'manual-trigger'>>) {
  const problems = stepProblems({ id, type: 'manual-trigger', position: { x: positionAbsoluteX, y: positionAbsoluteY }, data });
  return <StepNodeCard id={id} visual={stepVisuals['manual-trigger']} name={data.name} selected={selected} problems={problems} hasInput={false} />;
});
