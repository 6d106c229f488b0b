import { z } from 'zod';
import type { NewStep } from './new-step-node';
import { paletteOrder } from './step-visuals';

/** The drag-and-drop data type the palette puts a step under. */
export const STEP_DRAG_TYPE = 'application/x-flowyard-step';

const CUSTOM_PREFIX = 'custom-step:';
const customDragSchema = z.object({ id: z.string().min(1), title: z.string() });

/** What the palette puts in the drag data for a step. */
export function stepDragData(step: NewStep): string {
  return step.type === 'custom-step' ? `${CUSTOM_PREFIX}${JSON.stringify({ id: step.customStepId, title: step.title })}` : step.type;
}

/** The step a drop carries, if it is one the canvas knows. */
export function droppedStep(data: DataTransfer): NewStep | undefined {
  return readStepDragData(data.getData(STEP_DRAG_TYPE));
}

/** Parses drag data written by `stepDragData` (anything else: undefined). */
export function readStepDragData(raw: string): NewStep | undefined {
  if (raw.startsWith(CUSTOM_PREFIX)) {
    let json: unknown;
    try {
      json = JSON.parse(raw.slice(CUSTOM_PREFIX.length));
    } catch {
      return undefined;
    }
    const parsed = customDragSchema.safeParse(json);
    return parsed.success ? { type: 'custom-step', customStepId: parsed.data.id, title: parsed.data.title } : undefined;
  }
  const type = paletteOrder.find((t) => t === raw);
  return type ? { type } : undefined;
}
