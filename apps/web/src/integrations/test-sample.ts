import type { IntegrationCallback, IntegrationRequest, OutboundEvent } from '@flowyard/engine/schemas';

/** The content types the sample request offers; a form body's fields join `request.parameters`, as on a real call. */
export const sampleContentTypes = ['application/json', 'application/x-www-form-urlencoded', 'text/plain'] as const;
export type SampleContentType = (typeof sampleContentTypes)[number];

export interface SampleRequestValues {
  method: string;
  /** `a=1&b=2`, with or without a leading `?`. */
  query: string;
  contentType: SampleContentType;
  body: string;
}

function addParameter(parameters: Record<string, string | string[]>, name: string, value: string): void {
  const seen = parameters[name];
  if (seen === undefined) parameters[name] = value;
  else parameters[name] = Array.isArray(seen) ? [...seen, value] : [seen, value];
}

/** The `request` a call with these values would give the script (as the server builds it for a real call). */
export function sampleRequest(values: SampleRequestValues): IntegrationRequest {
  const parameters: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(values.query.trim().replace(/^\?/, ''))) addParameter(parameters, name, value);
  if (values.contentType === 'application/x-www-form-urlencoded') {
    for (const [name, value] of new URLSearchParams(values.body)) addParameter(parameters, name, value);
  }
  const hasBody = values.body !== '' && values.method !== 'GET' && values.method !== 'HEAD';
  return {
    method: values.method,
    headers: hasBody ? { 'content-type': values.contentType } : {},
    parameters,
    body: hasBody ? values.body : '',
  };
}

/** A callback as an outbound integration would get it for `event` of `flow`, for the test's sample. */
export function sampleCallback(options: {
  event: OutboundEvent;
  workflow: { id: string; name: string };
  flow: { id: string; name: string };
  user: { id: string; name: string; email: string };
  now?: Date;
}): IntegrationCallback {
  const now = options.now ?? new Date();
  const started = new Date(now.getTime() - 1500).toISOString();
  const failed = options.event !== 'run.succeeded';
  const status = options.event === 'run.succeeded' ? 'succeeded' : options.event === 'run.interrupted' ? 'interrupted' : 'failed';
  const stepError = { code: 'HTTP_CONNECT_FAILED', message: 'Could not connect to the target' };
  return {
    event: options.event,
    workflow: options.workflow,
    flow: options.flow,
    run: {
      id: 'sample-run',
      status: options.event === 'step.failed' ? 'running' : status,
      startedAt: started,
      endedAt: options.event === 'step.failed' ? null : now.toISOString(),
      summary: failed ? `Step "Call API" failed: ${stepError.message}` : 'All steps succeeded',
    },
    step: options.event === 'step.failed' || options.event === 'run.failed' ? { id: 'step-1', name: 'Call API', error: stepError } : null,
    actedAs: options.user,
  };
}
