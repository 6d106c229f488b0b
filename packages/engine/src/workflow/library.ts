import { z } from 'zod';

/** A shared library's name, as scripts load it: `require('<name>')`. Unique per workflow, case-insensitively. */
export const libraryNameSchema = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, 'Name is required')
  .max(100, 'Name must be at most 100 characters')
  .refine((name) => !/['"`\\]/.test(name), 'Name cannot contain quotes or backslashes');

/** Creates a library (`id` null) or updates one (renaming allowed). The source is CommonJS (`exports` / `module.exports`). */
export const librarySaveSchema = z.object({
  workflowId: z.string().min(1),
  id: z.string().min(1).nullable().default(null),
  name: libraryNameSchema,
  source: z.string({ error: 'Source must be text' }).max(500_000, 'Source must be at most 500000 characters'),
});
export type LibrarySaveInput = z.input<typeof librarySaveSchema>;

/** A library in lists: without its source. */
export const librarySummarySchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  name: z.string(),
  updatedAt: z.string(),
});
export type LibrarySummary = z.infer<typeof librarySummarySchema>;

/** A library in lists: with how many scripts and other libraries require it. */
export const libraryListItemSchema = librarySummarySchema.extend({ usageCount: z.number().int() });
export type LibraryListItem = z.infer<typeof libraryListItemSchema>;

export const libraryViewSchema = librarySummarySchema.extend({ source: z.string(), createdAt: z.string() });
export type LibraryView = z.infer<typeof libraryViewSchema>;
