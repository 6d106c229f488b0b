import { z } from 'zod';
import { FlowyardError } from '../../errors/flowyard-error';
import type { Json } from '../../run/run-record';
import { roleLabels } from '../../users/role';
import { defineStep } from '../define-step';
import { httpTriggerConfigSchema, httpTriggerOutputs, httpTriggerPayloadSchema } from './http-trigger-config';

// The payload is Json by the runner's type already: checking the envelope is enough, walking the
// whole body again on every run is not (the recursive JSON schema is most of a run's parse cost).
const envelopeSchema = httpTriggerPayloadSchema.extend({ body: z.custom<Json>(() => true) });

/**
 * SPEC §6 HTTP trigger: started by a call to its URL with a user's API key; the run acts as that
 * user. Its outputs are the request's `body`, `headers` and `query`. The server checks the caller
 * (key, role, body) before anything runs, and builds the payload this step hands on.
 */
export const httpTriggerStep = defineStep({
  type: 'http-trigger',
  title: 'HTTP trigger',
  description: 'Starts the flow when its URL is called with a Flowyard API key.',
  kind: 'trigger',
  config: httpTriggerConfigSchema,
  outputs: () => httpTriggerOutputs,
  problems: (config) => (config.allowedRoles.length === 0 ? ['Allow at least one role to call this trigger'] : []),
  endpointIds: () => [],
  templates: () => [],
  inputs: (config) => ({ allowedRoles: config.allowedRoles.map((role) => roleLabels[role]) }),
  async run(ctx) {
    const payload = envelopeSchema.safeParse(ctx.trigger.payload);
    if (!payload.success) {
      throw new FlowyardError('VALIDATION_FAILED', 'The HTTP trigger was started without a request (body, headers and query)', {
        details: { issues: payload.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) },
      });
    }
    return { outputs: { body: payload.data.body, headers: payload.data.headers, query: payload.data.query } };
  },
});
