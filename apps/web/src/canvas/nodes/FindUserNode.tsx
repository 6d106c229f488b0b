import { memo } from 'react';
import { stepProblems, type FlowNodeOf } from '@flowyard/engine/schemas';
import type { Node, NodeProps } from '@xyflow/react';
import { stepVisuals } from '../step-visuals';
import { StepNodeCard } from './StepNodeCard';

export const FindUserNode = memo(function FindUserNode({ id, data, selected, positionAbsoluteX, positionAbsoluteY }: NodeProps<Node<FlowNodeOf<'find-user'>['data'], 'find-user'>>) {
  const problems = stepProblems({ id, type: 'find-user', position: { x: positionAbsoluteX, y: positionAbsoluteY }, data });
  return <StepNodeCard id={id} visual={stepVisuals['find-user']} name={data.name} selected={selected} problems={problems} hasInput />;
});
