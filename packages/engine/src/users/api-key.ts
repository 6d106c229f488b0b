import { z } from 'zod';

/** Every Flowyard API key starts with this, so that a leaked one is recognisable. */
export const apiKeyPrefix = 'fy_';

/** An API key as listed: never the key itself, only the first characters for recognising it. */
export const apiKeyViewSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  /** The key's first characters, e.g. `fy_AbC1`; shown as `fy_AbC1…`. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

export const apiKeyNameSchema = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, 'Name is required')
  .max(100, 'Name must be at most 100 characters');

/** `userId` absent: a key for oneself. */
export const apiKeyCreateSchema = z.object({
  userId: z.string().min(1).optional(),
  name: apiKeyNameSchema,
});
export type ApiKeyCreateInput = z.input<typeof apiKeyCreateSchema>;
