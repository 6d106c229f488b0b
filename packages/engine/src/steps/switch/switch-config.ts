import { z } from 'zod';

/** The handle id of the edge a Switch follows when no case matches. */
export const switchDefaultHandle = 'default';

export const switchCaseSchema = z.object({
  /** Also the node's source-handle id for this case's outgoing edges. */
  id: z.string().min(1).max(100).refine((id) => id !== switchDefaultHandle, 'Case id "default" is reserved'),
  value: z.string().max(10_000),
});

/** Switch: compares `value` (after references are resolved) with each case's value; the first match wins. */
export const switchConfigSchema = z.object({
  value: z.string().max(100_000).default(''),
  cases: z
    .array(switchCaseSchema)
    .max(50, 'A switch has at most 50 cases')
    .default([])
    .superRefine((cases, ctx) => {
      const ids = new Set<string>();
      cases.forEach((c, index) => {
        if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `Another case has the id "${c.id}"` });
        ids.add(c.id);
      });
    }),
});
export type SwitchConfig = z.infer<typeof switchConfigSchema>;

export const switchOutputs = ['value', 'matched'] as const;
