import type { Json } from '@flowyard/engine/schemas';
import { z } from 'zod';

const locationSchema = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive().optional(),
  library: z.string().optional(),
});

/** The keys of a step error's details that say where in a script it happened. */
export const locationKeys = ['line', 'column', 'library'] as const;

/** "Line 4, column 9" (or "… in library utils") when a script error carries where it happened. */
export function scriptLocation(details: Record<string, Json>): string | null {
  const parsed = locationSchema.safeParse(details);
  if (!parsed.success) return null;
  const { line, column, library } = parsed.data;
  return `Line ${line}${column !== undefined ? `, column ${column}` : ''}${library !== undefined ? ` in library ${library}` : ''}`;
}

/** How a Switch's outputs read: which case matched, or that the default branch was taken. */
export function switchOutcome(outputs: Record<string, Json> | null): string | null {
  const matched = outputs?.matched;
  if (typeof matched !== 'string') return null;
  const value = typeof outputs?.value === 'string' ? outputs.value : '';
  return matched === 'default' ? `No case matched “${value}”: took the default branch` : `Matched case “${matched}”`;
}
