import { stepProblems, switchDefaultHandle, type FlowNodeOf } from '@flowyard/engine/schemas';
import { useUpdateNodeInternals, type Node, type NodeProps } from '@xyflow/react';
import { memo, useLayoutEffect } from 'react';
import { stepVisuals } from '../step-visuals';
import { StepNodeCard, type NodeBranch } from './StepNodeCard';

/** How a case reads on its handle: its value, or a hint while it is still empty. */
export function caseLabel(value: string): string {
  return value.trim() === '' ? '(empty)' : value;
}

/** A Switch: one outgoing handle per case (handle id = case id) and the `default` handle last. */
export const SwitchNode = memo(function SwitchNode({ id, data, selected, positionAbsoluteX, positionAbsoluteY }: NodeProps<Node<FlowNodeOf<'switch'>['data'], 'switch'>>) {
  const problems = stepProblems({ id, type: 'switch', position: { x: positionAbsoluteX, y: positionAbsoluteY }, data });
  const branches: NodeBranch[] = [
    ...data.config.cases.map((c) => ({ id: c.id, label: caseLabel(c.value) })),
    { id: switchDefaultHandle, label: 'default' },
  ];
  // React Flow measures handles once; a case added or removed moves them, so measure again at once
  // (else the new handle cannot be connected and edges start where the old handles were).
  const updateNodeInternals = useUpdateNodeInternals();
  const handleKey = branches.map((b) => b.id).join(' ');
  useLayoutEffect(() => updateNodeInternals(id), [updateNodeInternals, id, handleKey]);
  return <StepNodeCard id={id} visual={stepVisuals.switch} name={data.name} selected={selected} problems={problems} hasInput branches={branches} />;
});
