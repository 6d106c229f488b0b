import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { flowGraphSchema, type FlowGraph } from '../flow/flow-graph';
import { createHttpClient } from '../http/http-client';
import type { Json, RunEvent, StepRecord } from '../run/run-record';
import { startLocalServer, type LocalHandler, type LocalServer } from '../testing/local-server';
import { runFlow } from './run-flow';

// SPEC §7a: what a step stores is bounded; going over is the step's error with its code, never a crash.
const http = createHttpClient();
afterAll(() => http.close());
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function serve(handler: LocalHandler): Promise<string> {
  const server = await startLocalServer(handler);
  servers.push(server);
  return server.url;
}

const position = { x: 0, y: 0 };
const graph = (path = '/data', body = ''): FlowGraph =>
  flowGraphSchema.parse({
    nodes: [
      { id: 't', type: 'manual-trigger', position, data: { name: 'Start', config: {} } },
      { id: 'get', type: 'http-request', position, data: { name: 'Get', config: { endpointId: 'ep', path, method: body === '' ? 'GET' : 'POST', body } } },
    ],
    edges: [{ id: 'e', source: 't', target: 'get' }],
  });

async function run(flow: FlowGraph, baseUrl: string, payload: Json = {}) {
  const events: RunEvent[] = [];
  const endpoint: ResolvedEndpoint = { id: 'ep', name: 'Target', baseUrl, trustSelfSigned: false, auth: { type: 'none' } };
  const summary = await runFlow({
    runId: 'run-1',
    user: { id: 'user-1', name: 'Ann', email: 'ann@example.com' },
    flow: { id: 'flow-1', version: 1, graph: flow },
    trigger: { nodeId: 't', payload, type: 'manual' },
    endpoints: { get: async () => endpoint, getByName: async () => endpoint },
    http,
    sink: (event) => void events.push(event),
  });
  const last = new Map<string, StepRecord>();
  for (const event of events) if (event.type === 'step') last.set(event.step.name, event.step);
  return { summary, step: (name: string) => last.get(name) };
}

const json = (body: string): LocalHandler => (_req, res) => {
  res.setHeader('Content-Type', 'application/json');
  res.end(body);
};

describe('step outputs over their bounds fail the step with OUTPUT_TOO_LARGE', () => {
  it('a JSON response nested deeper than 64 levels', async () => {
    const url = await serve(json(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`));
    const { summary, step } = await run(graph(), url);
    expect(summary.status).toBe('failed');
    expect(step('Get')).toMatchObject({ status: 'failed', outputs: null, error: { code: 'OUTPUT_TOO_LARGE', details: { output: 'body', maxDepth: 64 } } });
    expect(step('Get')?.error?.message).toContain('64 levels');
    // The exchange is kept (cut at 64 KiB) so the Activity panel shows what came back.
    expect(step('Get')?.exchanges[0]).toMatchObject({ status: 200, responseBodyTruncated: false });
  });

  it('a JSON response nested exactly 64 levels is an output like any other', async () => {
    const url = await serve(json(`${'['.repeat(64)}${']'.repeat(64)}`));
    const { step } = await run(graph(), url);
    expect(step('Get')?.status).toBe('succeeded');
  });

  it('outputs over 1 MiB once serialised', async () => {
    const url = await serve((_req, res) => res.end('é'.repeat(600 * 1024)));
    const { step } = await run(graph(), url);
    expect(step('Get')).toMatchObject({ status: 'failed', outputs: null, error: { code: 'OUTPUT_TOO_LARGE', details: { maxBytes: 1024 * 1024 } } });
    expect(step('Get')?.error?.message).toMatch(/take \d+ bytes once serialised; a step may store at most 1 MiB/);
  });

  it('outputs just under 1 MiB pass', async () => {
    const url = await serve((_req, res) => res.end('x'.repeat(1000 * 1024)));
    const { step } = await run(graph(), url);
    expect(step('Get')?.status).toBe('succeeded');
  });

  it('a trigger payload deeper than the limit fails the trigger step instead of the run crashing', async () => {
    let deep: Json = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const { summary, step } = await run(graph(), 'http://127.0.0.1:9', deep);
    expect(summary.status).toBe('failed');
    expect(step('Start')).toMatchObject({ status: 'failed', error: { code: 'OUTPUT_TOO_LARGE' } });
    expect(step('Get')?.status).toBe('skipped');
  });
});

describe('references read own data only', () => {
  it('keys such as constructor, toString and __proto__ are plain data; prototypes are never walked into', async () => {
    const url = await serve((req, res) => res.end(req.body));
    const payload: Json = JSON.parse('{"constructor": "ctor", "__proto__": "proto", "nested": {"hasOwnProperty": "own"}}');
    const body = '{{trigger.body.constructor}}|{{trigger.body.__proto__}}|{{trigger.body.nested.hasOwnProperty}}';
    const ok = await run(graph('/echo', body), url, payload);
    expect(ok.step('Get')?.outputs?.body).toBe('ctor|proto|own');

    const missing = await run(graph('/echo', '{{trigger.body.nested.toString}}'), url, { nested: {} });
    expect(missing.step('Get')?.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('has no "toString"') });
  });

  it('a step named __proto__ is referenced like any other', async () => {
    const url = await serve((req, res) => res.end(req.url));
    const flow = flowGraphSchema.parse({
      nodes: [
        { id: 't', type: 'manual-trigger', position, data: { name: 'Start', config: {} } },
        { id: 'a', type: 'http-request', position, data: { name: '__proto__', config: { endpointId: 'ep', path: '/first' } } },
        { id: 'b', type: 'http-request', position, data: { name: 'Then', config: { endpointId: 'ep', path: '/then/{{__proto__.body}}' } } },
      ],
      edges: [
        { id: 'e1', source: 't', target: 'a' },
        { id: 'e2', source: 'a', target: 'b' },
      ],
    });
    const { step } = await run(flow, url);
    expect(step('Then')).toMatchObject({ status: 'succeeded', outputs: { body: '/then//first' } });
  });
});
