import { z } from 'zod';

/** Find User settings: the text to look for in names and emails; may hold `{{…}}` references. */
export const findUserConfigSchema = z.object({
  search: z.string().max(1000, 'Search text must be at most 1000 characters').default(''),
});
export type FindUserConfig = z.infer<typeof findUserConfigSchema>;

export const findUserOutputs = ['users', 'count', 'first'] as const;
