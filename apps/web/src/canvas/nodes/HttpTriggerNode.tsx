import { memo } from 'react';
import { stepProblems, type FlowNodeOf } from '@flowyard/engine/schemas';
import type { Node, NodeProps } from '@xyflow/react';
import { stepVisuals } from '../step-visuals';
import { StepNodeCard } from './StepNodeCard';

export const HttpTriggerNode = memo(function HttpTriggerNode({ id, data, selected, positionAbsoluteX, positionAbsoluteY }: NodeProps<Node<FlowNodeOf<'http-trigger'>['data'], 'http-trigger'>>) {
  const problems = stepProblems({ id, type: 'http-trigger', position: { x: positionAbsoluteX, y: positionAbsoluteY }, data });
  return <StepNodeCard id={id} visual={stepVisuals['http-trigger']} name={data.name} selected={selected} problems={problems} hasInput={false} />;
});
