import { constantSetSchema, type ConstantSetInput } from '@flowyard/engine/schemas';

/** The constant dialog's fields, checked by the API's own rules (so messages match the server's). */
export const constantFormSchema = constantSetSchema.pick({ name: true, value: true });
export type ConstantFormValues = Pick<ConstantSetInput, 'name' | 'value'>;

export const constantFields = ['name', 'value'] as const;
