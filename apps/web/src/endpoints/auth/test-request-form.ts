import { headerEntrySchema, httpMethodSchema, testRequestSchema, type TestRequestInput } from '@flowyard/engine/schemas';
import { z } from 'zod';

/**
 * The Test request form: the API's Test request rules, with headers as editable rows
 * (a row needs a name once it has a value) instead of the API's name → value record.
 */
export const testRequestFormSchema = z
  .object({
    method: httpMethodSchema,
    path: testRequestSchema.shape.path,
    headers: z.array(headerEntrySchema).max(100, 'At most 100 headers'),
    body: testRequestSchema.shape.body,
  })
  .superRefine((values, ctx) => {
    values.headers.forEach((header, index) => {
      if (header.name === '' && header.value !== '') ctx.addIssue({ code: 'custom', path: ['headers', index, 'name'], message: 'Header name is required' });
    });
  });

export type TestRequestFormValues = z.input<typeof testRequestFormSchema>;
export type TestRequestFormOutput = z.output<typeof testRequestFormSchema>;

export const newTestRequestValues: TestRequestFormValues = { method: 'GET', path: '', headers: [], body: '' };

/** The API input for valid form values: empty rows dropped, a repeated name keeps its last value. */
export function toTestRequest(values: TestRequestFormOutput): TestRequestInput {
  const headers: Record<string, string> = {};
  for (const { name, value } of values.headers) if (name !== '') headers[name] = value;
  return { method: values.method, path: values.path, headers, body: values.body };
}
