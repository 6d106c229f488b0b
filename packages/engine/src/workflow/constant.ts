import { z } from 'zod';

/** A workflow constant's name, as scripts read it: `constants['Name']`. Unique per workflow, case-insensitively. */
export const constantNameSchema = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, 'Name is required')
  .max(100, 'Name must be at most 100 characters');

/** Creates a constant (`id` null) or updates one (renaming allowed). */
export const constantSetSchema = z.object({
  workflowId: z.string().min(1),
  id: z.string().min(1).nullable().default(null),
  name: constantNameSchema,
  value: z.string({ error: 'Value must be text' }).max(100_000, 'Value must be at most 100000 characters'),
});
export type ConstantSetInput = z.input<typeof constantSetSchema>;

export const constantViewSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  name: z.string(),
  value: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConstantView = z.infer<typeof constantViewSchema>;

/** A constant in lists: with how many scripts and libraries read it. */
export const constantListItemSchema = constantViewSchema.extend({ usageCount: z.number().int() });
export type ConstantListItem = z.infer<typeof constantListItemSchema>;
