import { z } from 'zod';

/**
 * A custom step instance on a canvas. It holds the definition's id (not a copy), so editing
 * the definition updates every flow that uses it; input values are keyed by the input's id.
 */
export const customStepConfigSchema = z.object({
  customStepId: z.string().min(1),
  /** Input id → value; values may hold `{{…}}` references. */
  inputs: z.record(z.string(), z.string().max(100_000)).default({}),
  /** The endpoint bound to the definition's endpoint label (null until chosen). */
  endpointId: z.string().min(1).nullable().default(null),
});
export type CustomStepConfig = z.infer<typeof customStepConfigSchema>;
