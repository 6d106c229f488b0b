import { z } from 'zod';

/**
 * One place a shared library or a constant is read by name: a custom step's script, or another
 * shared library (`require('<name>')`, `constants['Name']`).
 */
export const scriptObjectUsageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('script'), customStepId: z.string(), customStepName: z.string(), occurrences: z.number().int() }),
  z.object({ kind: z.literal('library'), libraryId: z.string(), libraryName: z.string(), occurrences: z.number().int() }),
]);
export type ScriptObjectUsage = z.infer<typeof scriptObjectUsageSchema>;

/** What a refused delete of a library or constant carries in `details`: every use. */
export const scriptObjectInUseSchema = z.object({ usage: scriptObjectUsageSchema.array() });
