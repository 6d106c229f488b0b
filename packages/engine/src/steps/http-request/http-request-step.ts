import { FlowyardError } from '../../errors/flowyard-error';
import { resolveReferences } from '../../flow/references';
import { getHeader, setHeader } from '../../http/headers';
import { joinUrl } from '../../http/join-url';
import { redactHeaders } from '../../http/redact';
import { truncateUtf8 } from '../../http/truncate';
import type { Json } from '../../run/run-record';
import { defineStep } from '../define-step';
import { httpRequestConfigSchema, httpRequestOutputs, type HttpRequestConfig } from './http-request-config';
import { parseResponseBody } from './parse-response-body';

const headerNamePattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * The HTTP Request step: calls an endpoint and outputs `status`, `headers` and `body`.
 * Any HTTP status is a successful step (the status is an output for later steps to branch
 * on); only failing to get a response (connect, TLS, timeout) fails the step.
 */
export const httpRequestStep = defineStep({
  type: 'http-request',
  title: 'HTTP Request',
  description: 'Sends a request to an endpoint and outputs the status, headers and body of the response.',
  kind: 'action',
  config: httpRequestConfigSchema,
  outputs: () => httpRequestOutputs,
  problems(config) {
    const problems: string[] = [];
    if (config.endpointId === null) problems.push('Endpoint is required');
    for (const header of config.headers) {
      const name = header.name.trim();
      if (name === '' && header.value !== '') problems.push('Every header needs a name');
      else if (name !== '' && !headerNamePattern.test(name)) problems.push(`Header name "${name}" is not valid`);
    }
    return problems;
  },
  endpointIds: (config) => (config.endpointId === null ? [] : [config.endpointId]),
  templates: (config) => [
    { field: 'path', label: 'Path', value: config.path },
    ...config.headers.map((header, index) => ({ field: `headers.${index}.value`, label: `header ${header.name.trim()}`, value: header.value })),
    { field: 'body', label: 'Body', value: config.body },
  ],
  inputs: (config) => ({
    endpointId: config.endpointId,
    method: config.method,
    path: config.path,
    headers: redactHeaders(headerRecord(config, (value) => value)),
    ...bodyInput(config.body),
  }),
  async run(ctx) {
    const { config } = ctx;
    if (config.endpointId === null) throw new FlowyardError('VALIDATION_FAILED', 'Endpoint is required');
    const endpoint = await ctx.endpoints.get(config.endpointId);
    if (endpoint === undefined) {
      throw new FlowyardError('ENDPOINT_NOT_FOUND', 'The endpoint this step uses no longer exists; choose another one', {
        details: { endpointId: config.endpointId },
      });
    }

    const path = resolveReferences(config.path, ctx.scope, 'Path');
    const headers = headerRecord(config, (value, name) => resolveReferences(value, ctx.scope, `header ${name}`));
    const resolvedBody = resolveReferences(config.body, ctx.scope, 'Body');
    const body = resolvedBody === '' ? null : resolvedBody;
    if (body !== null && getHeader(headers, 'content-type') === undefined) {
      setHeader(headers, 'Content-Type', looksLikeJson(body) ? 'application/json' : 'text/plain; charset=utf-8');
    }
    const shown: Record<string, Json> = { endpoint: endpoint.name, method: config.method, path, headers: redactHeaders(headers), ...bodyInput(body ?? '') };
    ctx.setInputs(shown);
    // Joining can fail (a verbatim path with a space); the inputs above are kept for the Activity panel then.
    ctx.setInputs({ ...shown, url: joinUrl(endpoint.baseUrl, path, { autoEncodeURI: config.autoEncodeURI }) });

    const response = await ctx.http.send(
      {
        endpoint,
        method: config.method,
        path,
        headers,
        body,
        autoEncodeURI: config.autoEncodeURI,
        timeoutMs: config.timeoutMs,
        signal: ctx.signal,
      },
      ctx.exchange,
    );
    return {
      outputs: {
        status: response.status,
        headers: redactHeaders(response.headers),
        body: parseResponseBody(response.body, response.headers['content-type']),
      },
    };
  },
});

// Header rows without a name are blank rows of the editor, not headers.
function headerRecord(config: HttpRequestConfig, value: (value: string, name: string) => string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of config.headers) {
    const name = header.name.trim();
    if (name !== '') setHeader(headers, name, value(header.value, name).trim());
  }
  return headers;
}

function bodyInput(body: string): Record<string, Json> {
  const { text, truncated } = truncateUtf8(body);
  return truncated ? { body: text, bodyTruncated: true } : { body: text };
}

function looksLikeJson(body: string): boolean {
  const first = body.trimStart().charAt(0);
  if (first !== '{' && first !== '[') return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}
