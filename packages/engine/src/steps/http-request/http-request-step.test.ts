import { describe, expect, it } from 'vitest';
import type { ResolvedEndpoint } from '../../endpoint/endpoint';
import type { HttpClient, HttpRequestSpec, HttpResponse } from '../../http/http-types';
import type { Json } from '../../run/run-record';
import { noScripting } from '../../runner/flow-scripting';
import type { StepEnvironment } from '../define-step';
import { httpRequestConfigSchema } from './http-request-config';
import { httpRequestStep } from './http-request-step';
import { parseResponseBody } from './parse-response-body';

const endpoint: ResolvedEndpoint = { id: 'ep', name: 'Target', baseUrl: 'http://127.0.0.1:1/api', trustSelfSigned: false, auth: { type: 'none' } };

function environment(response: Partial<HttpResponse> = {}) {
  const sent: HttpRequestSpec[] = [];
  const inputs: Record<string, Json>[] = [];
  const http: HttpClient = {
    send: async (spec) => {
      sent.push(spec);
      return { status: 200, statusText: 'OK', headers: {}, body: '', ...response };
    },
    accessToken: () => Promise.reject(new Error('not used')),
    checkAuthentication: () => Promise.reject(new Error('not used')),
    close: async () => {},
  };
  const env: StepEnvironment = {
    flowId: 'f',
    scope: { trigger: { body: { id: 5 } } },
    trigger: { nodeId: 't', payload: { id: 5 } },
    endpoints: { get: async (id) => (id === 'ep' ? endpoint : undefined), getByName: async () => undefined },
    http,
    customSteps: () => undefined,
    scripts: noScripting.scripts,
    constants: async () => ({}),
    libraries: async () => ({}),
    exchange: () => {},
    log: () => {},
    setInputs: (value) => void inputs.push(value),
    now: () => new Date(),
    signal: new AbortController().signal,
  };
  return { env, sent, inputs };
}

const configOf = (value: unknown) => httpRequestConfigSchema.parse(value);

describe('HTTP Request step', () => {
  it('lists what is missing before it can run', () => {
    expect(httpRequestStep.problems(configOf({}))).toEqual(['Endpoint is required']);
    expect(httpRequestStep.problems(configOf({ endpointId: 'ep' }))).toEqual([]);
    expect(httpRequestStep.problems(configOf({ endpointId: 'ep', headers: [{ name: '', value: 'orphan' }, { name: 'Bad Name', value: 'x' }, { name: '', value: '' }] }))).toEqual([
      'Every header needs a name',
      'Header name "Bad Name" is not valid',
    ]);
    expect(httpRequestStep.endpointIds(configOf({ endpointId: 'ep' }))).toEqual(['ep']);
    expect(httpRequestStep.endpointIds(configOf({}))).toEqual([]);
  });

  it('labels a JSON body as JSON and other bodies as text, unless a Content-Type is set', async () => {
    const json = environment();
    await httpRequestStep.run({ ...json.env, config: configOf({ endpointId: 'ep', method: 'POST', body: '{"id": {{trigger.body.id}}}' }) });
    expect(json.sent[0]).toMatchObject({ body: '{"id": 5}', headers: { 'Content-Type': 'application/json' } });

    const text = environment();
    await httpRequestStep.run({ ...text.env, config: configOf({ endpointId: 'ep', method: 'POST', body: 'id={{trigger.body.id}}' }) });
    expect(text.sent[0]?.headers).toEqual({ 'Content-Type': 'text/plain; charset=utf-8' });

    const own = environment();
    await httpRequestStep.run({ ...own.env, config: configOf({ endpointId: 'ep', method: 'POST', body: 'a=1', headers: [{ name: 'content-type', value: 'application/x-www-form-urlencoded' }] }) });
    expect(own.sent[0]?.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded' });

    const empty = environment();
    await httpRequestStep.run({ ...empty.env, config: configOf({ endpointId: 'ep' }) });
    expect(empty.sent[0]).toMatchObject({ body: null, headers: {} });
  });

  it('passes method, timeout, encoding choice and the run signal to the client', async () => {
    const { env, sent, inputs } = environment();
    await httpRequestStep.run({ ...env, config: configOf({ endpointId: 'ep', method: 'DELETE', path: 'items/{{trigger.body.id}}', autoEncodeURI: false, timeoutMs: 1234 }) });
    expect(sent[0]).toMatchObject({ endpoint, method: 'DELETE', path: 'items/5', autoEncodeURI: false, timeoutMs: 1234, signal: env.signal });
    expect(inputs.at(-1)).toMatchObject({ endpoint: 'Target', method: 'DELETE', url: 'http://127.0.0.1:1/api/items/5' });
  });

  it('outputs status, headers (cookies redacted) and the body parsed when it is JSON', async () => {
    const { env } = environment({ status: 201, headers: { 'content-type': 'application/json; charset=utf-8', 'set-cookie': 's=1' }, body: '{"ok":true}' });
    const result = await httpRequestStep.run({ ...env, config: configOf({ endpointId: 'ep' }) });
    expect(result.outputs).toEqual({ status: 201, headers: { 'content-type': 'application/json; charset=utf-8', 'set-cookie': '[redacted]' }, body: { ok: true } });
  });

  it.each([
    ['{"a":1}', 'application/json', { a: 1 }],
    ['[1,2]', 'application/problem+json', [1, 2]],
    ['{"a":1}', 'application/vnd.api+json; charset=utf-8', { a: 1 }],
    ['not json', 'application/json', 'not json'],
    ['', 'application/json', ''],
    ['{"a":1}', 'text/plain', '{"a":1}'],
    ['{"a":1}', undefined, '{"a":1}'],
    ['42', 'application/json', 42],
  ])('parses %j with Content-Type %s', (body, contentType, expected) => {
    expect(parseResponseBody(body, contentType)).toEqual(expected);
  });
});
