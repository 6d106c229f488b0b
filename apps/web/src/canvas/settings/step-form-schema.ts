import { stepNameSchema } from '@flowyard/engine/schemas';
import { z } from 'zod';

/**
 * A step's settings form: the API's own name and config schemas, plus the one rule that needs the
 * rest of the flow (names are unique, case-insensitively), checked here so it shows on the field.
 */
export function stepFormSchema<Config extends z.ZodType>(config: Config, otherNames: () => ReadonlySet<string>) {
  return z.object({
    name: stepNameSchema.superRefine((name, ctx) => {
      if (otherNames().has(name.trim().toLowerCase())) {
        ctx.addIssue({ code: 'custom', message: `Another step is already named "${name.trim()}"` });
      }
    }),
    config,
  });
}
