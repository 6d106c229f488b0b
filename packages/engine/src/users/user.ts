import { z } from 'zod';
import { roleSchema } from './role';

/** A user as the API returns it; never carries the password hash. */
export const userViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userViewSchema>;

/** Emails are compared lower-cased; `admin@localhost` is valid, so no TLD is required. */
export const emailSchema = z
  .string({ error: 'Email is required' })
  .trim()
  .min(1, 'Email is required')
  .max(254, 'Email must be at most 254 characters')
  .regex(/^[^\s@]+@[^\s@]+$/, 'Email must look like name@host')
  .transform((email) => email.toLowerCase());

export const userNameSchema = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, 'Name is required')
  .max(100, 'Name must be at most 100 characters');

// bcrypt reads only the first 72 bytes; a longer password would be silently cut.
const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/** A new password: 8 characters to 72 bytes. */
export const passwordSchema = z
  .string({ error: 'Password is required' })
  .min(8, 'Password must be at least 8 characters')
  .refine((password) => utf8Length(password) <= 72, 'Password must be at most 72 bytes');

export const signInSchema = z.object({
  email: emailSchema,
  // Any length is accepted here: a wrong password is a failed sign-in, not a validation error.
  password: z.string({ error: 'Password is required' }).min(1, 'Password is required').max(1024, 'Password is too long'),
});
export type SignInInput = z.input<typeof signInSchema>;

export const userCreateSchema = z.object({
  name: userNameSchema,
  email: emailSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type UserCreateInput = z.input<typeof userCreateSchema>;

/** Changes what is given; a new password replaces the old one and ends the user's sessions. */
export const userUpdateSchema = z.object({
  id: z.string().min(1),
  name: userNameSchema.optional(),
  role: roleSchema.optional(),
  disabled: z.boolean({ error: 'Disabled must be true or false' }).optional(),
  password: passwordSchema.optional(),
});
export type UserUpdateInput = z.input<typeof userUpdateSchema>;

export const userSearchSchema = z.object({
  text: z.string({ error: 'Search text must be text' }).trim().max(200, 'Search text must be at most 200 characters'),
});
