import type { CustomStepLookup, FlowNode } from '@flowyard/engine/schemas';
import { customStepIconComponents, customStepTile } from '../steps/custom-step-icons';
import { stepVisuals, type StepVisual } from './step-visuals';

/**
 * How a node looks: its type's visual, or for a custom step its definition's name (as the type
 * line), icon and description. A custom step whose definition is unknown keeps the generic look.
 */
export function stepLook(node: FlowNode, lookup: CustomStepLookup): StepVisual {
  if (node.type !== 'custom-step') return stepVisuals[node.type];
  const definition = lookup(node.data.config.customStepId);
  if (!definition) return stepVisuals['custom-step'];
  return {
    label: definition.name,
    description: definition.description || stepVisuals['custom-step'].description,
    icon: customStepIconComponents[definition.icon],
    tile: customStepTile,
  };
}
