import { z } from 'zod';

/** The Manual trigger remembers the last JSON test payload the user ran it with. */
export const manualTriggerConfigSchema = z.object({
  testPayload: z.string().max(1_000_000).default('{}'),
});
export type ManualTriggerConfig = z.infer<typeof manualTriggerConfigSchema>;

export const manualTriggerOutputs = ['body'] as const;
