import { flowCreateSchema } from '@flowyard/engine/schemas';
import type { z } from 'zod';

/** The API's flow-name rules, without the workflow the page supplies. */
export const flowNameFormSchema = flowCreateSchema.pick({ name: true });
export type FlowNameFormValues = z.input<typeof flowNameFormSchema>;
export type FlowNameFormOutput = z.output<typeof flowNameFormSchema>;
