import {
  defaultIntegrationRateLimit,
  integrationBodySchema,
  outboundEvents,
  type IntegrationBody,
  type IntegrationBodyInput,
  type IntegrationKind,
  type OutboundEvent,
} from '@flowyard/engine/schemas';
import type { FieldPath } from 'react-hook-form';

/** The editor edits exactly the API's body, validated with the API's own schema. */
export const integrationFormSchema = integrationBodySchema;
export type IntegrationFormValues = IntegrationBodyInput;

/** How each outbound event reads in the editor. */
export const outboundEventLabels: Record<OutboundEvent, string> = {
  'run.succeeded': 'Run succeeded',
  'run.failed': 'Run failed',
  'run.interrupted': 'Run interrupted',
  'step.failed': 'Step failed',
};

export const kindLabels: Record<IntegrationKind, string> = { inbound: 'Inbound', outbound: 'Outbound' };

const inboundScript = `// request: method, headers, parameters (query and form fields), body (raw text).
var data = request.body && request.headers['content-type'] === 'application/json' ? JSON.parse(request.body) : request.parameters;
console.log('received', request.method);
// flows.start('My flow', data);
response.status = 200;
response.body = { ok: true };
`;

const outboundScript = `// callback: event, flow, run, step, actedAs (request.body holds it as JSON text).
console.log(callback.event, callback.flow.name, callback.run.status);
// var req = http.request({ endpoint: 'Slack', method: 'POST', path: '/chat.postMessage' });
// req.write({ channel: '#alerts', text: callback.flow.name + ' ' + callback.run.status });
`;

/** A new integration of `kind`: the schema's defaults, an empty name, and a starting script. */
export function newIntegrationValues(kind: IntegrationKind, actAsUserId: string): IntegrationBody {
  if (kind === 'inbound') {
    return { kind, name: '', description: '', enabled: true, script: inboundScript, timeoutMs: 10_000, auth: { type: 'url', actAsUserId } };
  }
  return {
    kind,
    name: '',
    description: '',
    enabled: true,
    script: outboundScript,
    timeoutMs: 10_000,
    trigger: { events: ['run.failed'], flowId: null },
    rateLimit: { ...defaultIntegrationRateLimit },
  };
}

/** Events in their usual order (a checkbox group keeps the order they were ticked in). */
export function orderedEvents(events: readonly string[]): OutboundEvent[] {
  return outboundEvents.filter((event) => events.includes(event));
}

const fields = [
  'name',
  'description',
  'enabled',
  'script',
  'timeoutMs',
  'auth',
  'auth.type',
  'auth.actAsUserId',
  'trigger',
  'trigger.events',
  'trigger.flowId',
  'rateLimit',
  'rateLimit.perMinute',
] as const satisfies readonly FieldPath<IntegrationFormValues>[];

/**
 * The form field a server issue belongs to: `integration.auth.actAsUserId` → `auth.actAsUserId`,
 * `integration.trigger.events.0` → `trigger.events`. Undefined for paths no field shows.
 */
export function integrationFieldOf(path: string): (typeof fields)[number] | undefined {
  const parts = path.replace(/^integration\./, '').split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    const field = fields.find((f) => f === candidate);
    if (field !== undefined) return field;
  }
  return undefined;
}
