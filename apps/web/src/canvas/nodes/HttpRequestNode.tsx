import { memo } from 'react';
import { stepProblems, type FlowNodeOf } from '@flowyard/engine/schemas';
import type { Node, NodeProps } from '@xyflow/react';
import { stepVisuals } from '../step-visuals';
import { StepNodeCard } from './StepNodeCard';
import { useNeedsCredentials } from './use-needs-credentials';

export const HttpRequestNode = memo(function HttpRequestNode({ id, data, selected, positionAbsoluteX, positionAbsoluteY }: NodeProps<Node<FlowNodeOf<'http-request'>['data'], 'http-request'>>) {
  const node: FlowNodeOf<'http-request'> = { id, type: 'http-request', position: { x: positionAbsoluteX, y: positionAbsoluteY }, data };
  const problems = stepProblems(node);
  const needsCredentials = useNeedsCredentials(node);
  return (
    <StepNodeCard
      id={id}
      visual={stepVisuals['http-request']}
      name={data.name}
      selected={selected}
      problems={problems}
      needsCredentials={needsCredentials}
      hasInput
    />
  );
});
