import { z } from 'zod';
import { flowGraphSchema } from './flow-graph';

export const flowNameSchema = z
  .string({ error: 'Flow name is required' })
  .trim()
  .min(1, 'Flow name is required')
  .max(100, 'Flow name must be at most 100 characters');

export const flowSummarySchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  name: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type FlowSummary = z.infer<typeof flowSummarySchema>;

export const flowSchema = flowSummarySchema.extend({ graph: flowGraphSchema });
export type Flow = z.infer<typeof flowSchema>;

export const flowCreateSchema = z.object({ workflowId: z.string().min(1), name: flowNameSchema });
export const flowRenameSchema = z.object({ id: z.string().min(1), name: flowNameSchema });
/** `version` is the version the editor loaded; a stale save is refused rather than overwriting. */
export const flowSaveSchema = z.object({ id: z.string().min(1), version: z.number().int(), graph: flowGraphSchema });
export type FlowSaveInput = z.input<typeof flowSaveSchema>;
