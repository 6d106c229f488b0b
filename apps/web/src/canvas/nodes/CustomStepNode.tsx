import { memo } from 'react';
import { stepProblems, type FlowNodeOf } from '@flowyard/engine/schemas';
import type { Node, NodeProps } from '@xyflow/react';
import { useCustomStepCatalog } from '../custom-steps-context';
import { stepLook } from '../step-look';
import { StepNodeCard } from './StepNodeCard';
import { useNeedsCredentials } from './use-needs-credentials';

/** An instance of a custom step: shows its definition's name and icon, looked up by id. */
export const CustomStepNode = memo(function CustomStepNode({ id, data, selected, positionAbsoluteX, positionAbsoluteY }: NodeProps<Node<FlowNodeOf<'custom-step'>['data'], 'custom-step'>>) {
  const catalog = useCustomStepCatalog();
  const node: FlowNodeOf<'custom-step'> = { id, type: 'custom-step', position: { x: positionAbsoluteX, y: positionAbsoluteY }, data };
  // Until the library has loaded, judge only the node's own settings (no false "missing definition").
  const problems = stepProblems(node, catalog.loading ? undefined : catalog.lookup);
  const needsCredentials = useNeedsCredentials(node);
  return (
    <StepNodeCard
      id={id}
      visual={stepLook(node, catalog.lookup)}
      name={data.name}
      selected={selected}
      problems={problems}
      needsCredentials={needsCredentials}
      hasInput
    />
  );
});
