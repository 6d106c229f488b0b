import { z } from 'zod';

/**
 * Authentication as the user writes it. Secrets are write-only: on create they are
 * required, on update an absent secret keeps the stored one.
 */
export const authTypes = ['none', 'basic'] as const;
export const authTypeSchema = z.enum(authTypes);
export type AuthType = z.infer<typeof authTypeSchema>;

export const authTypeLabels: Record<AuthType, string> = {
  none: 'No Authorization',
  basic: 'Basic',
};

const usernameSchema = z.string({ error: 'Username is required' }).trim().min(1, 'Username is required').max(500);
const secretSchema = z.string().min(1, 'Password is required').max(4096);

export const noAuthInputSchema = z.object({ type: z.literal('none') });

export const basicAuthInputSchema = z.object({
  type: z.literal('basic'),
  username: usernameSchema,
  /** Absent on update means "keep the stored password". */
  password: secretSchema.optional(),
  preemptive: z.boolean().default(true),
});

export const authInputSchema = z.discriminatedUnion('type', [noAuthInputSchema, basicAuthInputSchema]);
export type AuthInput = z.infer<typeof authInputSchema>;

/** What the API returns: secrets replaced by whether they are set. */
export const authViewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('basic'),
    username: z.string(),
    preemptive: z.boolean(),
    passwordSet: z.boolean(),
  }),
]);
export type AuthView = z.infer<typeof authViewSchema>;

/** What the engine receives from its store: secrets decrypted, never leaving the server. */
export const resolvedAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('basic'),
    username: z.string(),
    password: z.string(),
    preemptive: z.boolean(),
  }),
]);
export type ResolvedAuth = z.infer<typeof resolvedAuthSchema>;
