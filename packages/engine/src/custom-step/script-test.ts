import { z } from 'zod';
import { stepRecordSchema } from '../run/run-record';
import { customStepBodySchema } from './custom-step';

/** Sample inputs a "Test script" may send: at most a step's 50 inputs, each as long as an instance's value. */
export const MAX_SCRIPT_TEST_INPUTS = 50;
export const MAX_SCRIPT_TEST_INPUT_CHARS = 100_000;

/** "Test script": a custom step as edited (saved or not) with sample input values by label. */
export const scriptTestInputSchema = z.object({
  workflowId: z.string().min(1).max(200),
  /** The definition as the editor holds it: its script may be unsaved. */
  step: customStepBodySchema,
  /** Sample values by input label; labels the step does not have are ignored. */
  inputs: z
    .record(z.string().max(100), z.string().max(MAX_SCRIPT_TEST_INPUT_CHARS, `A sample input must be at most ${MAX_SCRIPT_TEST_INPUT_CHARS} characters`))
    .refine((inputs) => Object.keys(inputs).length <= MAX_SCRIPT_TEST_INPUTS, { message: `At most ${MAX_SCRIPT_TEST_INPUTS} sample inputs` })
    .default({}),
  /** The endpoint bound to the step's endpoint label for this test (ignored when the step has none). */
  endpointId: z.string().min(1).max(200).nullable().default(null),
});
export type ScriptTestInput = z.input<typeof scriptTestInputSchema>;
export type ScriptTestRequest = z.output<typeof scriptTestInputSchema>;

/** What one test run of a script shows: the parts of a step's record the Activity panel shows, redacted the same way. */
export const scriptTestResultSchema = stepRecordSchema.pick({ status: true, durationMs: true, inputs: true, outputs: true, logs: true, exchanges: true, error: true });
export type ScriptTestResult = z.infer<typeof scriptTestResultSchema>;
