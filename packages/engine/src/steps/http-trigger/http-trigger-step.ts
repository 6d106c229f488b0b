import { FlowyardError } from '../../errors/flowyard-error';
import { roleLabels } from '../../users/role';
import { defineStep } from '../define-step';
import { isRequestEnvelope, requestEnvelopeSchema } from './envelope';
import { httpTriggerConfigSchema, httpTriggerOutputs } from './http-trigger-config';

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
    const envelope = ctx.trigger.payload;
    // The server's trigger route always builds a valid envelope: the quick check passes it on.
    if (isRequestEnvelope(envelope)) return { outputs: { body: envelope.body, headers: envelope.headers, query: envelope.query } };
    // Anything else goes through the schema, which words the issues (and has the last word).
    const payload = requestEnvelopeSchema.safeParse(envelope);
    if (!payload.success) {
      throw new FlowyardError('VALIDATION_FAILED', 'The HTTP trigger was started without a request (body, headers and query)', {
        details: { issues: payload.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) },
      });
    }
    return { outputs: { body: payload.data.body, headers: payload.data.headers, query: payload.data.query } };
  },
});
