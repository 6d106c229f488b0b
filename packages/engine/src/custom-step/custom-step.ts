import { z } from 'zod';

const labelSchema = z
  .string({ error: 'Label is required' })
  .trim()
  .min(1, 'Label is required')
  .max(100, 'Label must be at most 100 characters');

/** Ids are stable across renames, so a flow keeps its input values when a label changes. */
const fieldIdSchema = z.string().min(1).max(100);

export const customStepInputSchema = z
  .object({
    id: fieldIdSchema,
    label: labelSchema,
    required: z.boolean().default(false),
    minLength: z.number().int().min(0, 'Minimum length cannot be negative').nullable().default(null),
    maxLength: z.number().int().min(1, 'Maximum length must be at least 1').nullable().default(null),
    helpText: z.string().max(500, 'Help text must be at most 500 characters').default(''),
    defaultValue: z.string().max(100_000).default(''),
    multiline: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    if (input.minLength !== null && input.maxLength !== null && input.minLength > input.maxLength) {
      ctx.addIssue({ code: 'custom', path: ['maxLength'], message: 'Maximum length must be at least the minimum length' });
    }
  });
export type CustomStepInput = z.infer<typeof customStepInputSchema>;

export const customStepOutputSchema = z.object({ id: fieldIdSchema, label: labelSchema });
export type CustomStepOutput = z.infer<typeof customStepOutputSchema>;

export const customStepIcons = ['code', 'globe', 'database', 'mail', 'message-square', 'bell', 'user', 'zap', 'cloud', 'file-text'] as const;
export const customStepIconSchema = z.enum(customStepIcons);

/** "Flowyard" binds the step's endpoint label to the built-in Flowyard endpoint (SPEC §2). */
export const customStepEndpointTypes = ['any', 'flowyard'] as const;
export const customStepEndpointTypeSchema = z.enum(customStepEndpointTypes);

// Labels are what scripts and references use, so they must be unique (case-insensitively);
// ids key the instances' values, so they must be unique too.
function uniqueFields(fields: { id: string; label: string }[], key: string, ctx: z.RefinementCtx, what: string): void {
  const labels = new Set<string>();
  const ids = new Set<string>();
  fields.forEach((field, index) => {
    const label = field.label.trim().toLowerCase();
    if (labels.has(label)) ctx.addIssue({ code: 'custom', path: [key, index, 'label'], message: `Another ${what} is already labelled "${field.label.trim()}"` });
    labels.add(label);
    if (ids.has(field.id)) ctx.addIssue({ code: 'custom', path: [key, index, 'id'], message: `Another ${what} has the id "${field.id}"` });
    ids.add(field.id);
  });
}

/** A custom step definition as the Steps library edits it. */
export const customStepBodySchema = z
  .object({
    name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(100, 'Name must be at most 100 characters'),
    description: z.string().max(1000, 'Description must be at most 1000 characters').default(''),
    icon: customStepIconSchema.default('code'),
    inputs: z.array(customStepInputSchema).max(50, 'A step has at most 50 inputs').default([]),
    outputs: z.array(customStepOutputSchema).max(50, 'A step has at most 50 outputs').default([]),
    includeEndpoint: z.boolean().default(false),
    endpointType: customStepEndpointTypeSchema.default('any'),
    endpointLabel: z.string().trim().max(100, 'Endpoint label must be at most 100 characters').default(''),
    script: z.string().max(200_000, 'Script must be at most 200000 characters').default(''),
    timeoutMs: z.number().int().min(100, 'Time limit must be at least 100 ms').max(60_000, 'Time limit must be at most 60000 ms').default(10_000),
  })
  .superRefine((step, ctx) => {
    uniqueFields(step.inputs, 'inputs', ctx, 'input');
    uniqueFields(step.outputs, 'outputs', ctx, 'output');
    if (step.includeEndpoint && step.endpointLabel === '') {
      ctx.addIssue({ code: 'custom', path: ['endpointLabel'], message: 'Endpoint label is required when the step includes an endpoint' });
    }
  });
export type CustomStepBody = z.infer<typeof customStepBodySchema>;

export const customStepCreateSchema = z.object({ workflowId: z.string().min(1), step: customStepBodySchema });
export type CustomStepCreateInput = z.input<typeof customStepCreateSchema>;
export const customStepUpdateSchema = z.object({ id: z.string().min(1), step: customStepBodySchema });
export type CustomStepUpdateInput = z.input<typeof customStepUpdateSchema>;

/** A stored custom step as the API returns it. */
export const customStepViewSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  step: customStepBodySchema,
  usageCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomStepView = z.infer<typeof customStepViewSchema>;

/** A definition as runs and editors use it: its body plus its id. */
export type CustomStepDefinition = CustomStepBody & { id: string };

/** Finds a custom step definition by id (the editor's list, or the definitions loaded for a run). */
export type CustomStepLookup = (id: string) => CustomStepDefinition | undefined;

/** One place a custom step is used: a step of a flow. */
export const customStepUsageSchema = z.object({
  flowId: z.string(),
  flowName: z.string(),
  nodeId: z.string(),
  stepName: z.string(),
});
export type CustomStepUsage = z.infer<typeof customStepUsageSchema>;
