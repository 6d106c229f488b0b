import { defineStep } from '../define-step';
import { manualTriggerConfigSchema, manualTriggerOutputs } from './manual-trigger-config';

/** SPEC §6 Manual trigger: started by the Run button; its `body` output is the JSON payload. */
export const manualTriggerStep = defineStep({
  type: 'manual-trigger',
  title: 'Manual trigger',
  description: 'Starts the flow when you click Run, with a JSON test payload.',
  kind: 'trigger',
  config: manualTriggerConfigSchema,
  outputs: () => manualTriggerOutputs,
  // The saved test payload only pre-fills the Run dialog; the payload of a run comes with the run.
  problems: () => [],
  endpointIds: () => [],
  templates: () => [],
  inputs: () => ({}),
  run: async (ctx) => ({ outputs: { body: ctx.trigger.payload } }),
});
