import type { FlowNodeType } from '@flowyard/engine/schemas';
import { paletteOrder } from './step-visuals';

/** The drag-and-drop data type the palette puts a step type under. */
export const STEP_DRAG_TYPE = 'application/x-flowyard-step';

/** The step type a drop carries, if it is one the canvas knows. */
export function droppedStepType(data: DataTransfer): FlowNodeType | undefined {
  const raw = data.getData(STEP_DRAG_TYPE);
  return paletteOrder.find((type) => type === raw);
}
