import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { FlowyardError } from '../errors/flowyard-error';
import { flowGraphSchema, type FlowGraph } from '../flow/flow-graph';
import { createHttpClient } from '../http/http-client';
import type { HttpClient } from '../http/http-types';
import type { Json, RunEvent, StepRecord } from '../run/run-record';
import { closedPort, startLocalServer, type LocalHandler, type LocalServer } from '../testing/local-server';
import { compileFlow } from './compile-flow';
import { runFlow, type RunFlowOptions } from './run-flow';

const http = createHttpClient();
afterAll(() => http.close());
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function serve(handler: LocalHandler): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  servers.push(server);
  return server;
}

const position = { x: 0, y: 0 };
const trigger = (id = 't', name = 'Manual trigger') => ({ id, type: 'manual-trigger', position, data: { name, config: {} } });
const call = (id: string, name: string, config: Record<string, unknown> = {}) => ({
  id,
  type: 'http-request',
  position,
  data: { name, config: { endpointId: 'ep', path: `/${id}`, ...config } },
});
const edge = (source: string, target: string) => ({ id: `${source}->${target}`, source, target });
const graphOf = (nodes: unknown[], edges: unknown[]): FlowGraph => flowGraphSchema.parse({ nodes, edges });

function endpoints(list: Record<string, string>): RunFlowOptions['endpoints'] {
  const get = async (id: string) => {
    const baseUrl = list[id];
    const endpoint: ResolvedEndpoint | undefined = baseUrl === undefined ? undefined : { id, name: `Endpoint ${id}`, baseUrl, trustSelfSigned: false, auth: { type: 'none' } };
    return endpoint;
  };
  return { get, getByName: async (name) => get(name.replace(/^Endpoint /, '')) };
}

let ids = 0;
async function run(graph: FlowGraph, options: Partial<RunFlowOptions> & { payload?: Json } = {}) {
  const events: RunEvent[] = [];
  const summary = await runFlow({
    runId: 'run-1',
    user: { id: 'user-1', name: 'Ann', email: 'ann@example.com' },
    flow: { id: 'flow-1', version: 3, graph },
    trigger: { nodeId: 't', payload: options.payload ?? {}, type: 'manual' },
    endpoints: endpoints({}),
    http,
    sink: (event) => void events.push(event),
    newId: () => `id-${++ids}`,
    ...options,
  });
  const steps = events.flatMap((event) => (event.type === 'step' ? [event.step] : []));
  const last = new Map<string, StepRecord>();
  for (const step of steps) last.set(step.name, step);
  return { summary, events, steps, final: (name: string) => last.get(name) };
}

const echo: LocalHandler = (req, res) => {
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ url: req.url, body: req.body, trace: req.headers['x-trace'] ?? null, id: 7 }));
};

describe('runFlow', () => {
  it('runs steps in DAG order, resolving references, and reports every record', async () => {
    const server = await serve(echo);
    const graph = graphOf(
      [
        trigger(),
        call('a', 'Get User'),
        call('b', 'Post Result', {
          method: 'POST',
          path: '/users/{{Get User.body.id}}?from={{trigger.body.who}}',
          headers: [{ name: 'X-Trace', value: 'trace-{{trigger.body.who}}' }, { name: 'Authorization', value: 'Bearer typed-token' }],
          body: '{"status": {{Get User.status}}}',
        }),
      ],
      [edge('t', 'a'), edge('a', 'b')],
    );
    const { summary, events, final } = await run(graph, { endpoints: endpoints({ ep: server.url }), payload: { who: 'ann smith' } });

    expect(summary).toMatchObject({ id: 'run-1', flowId: 'flow-1', flowVersion: 3, status: 'succeeded', userId: 'user-1', actedAs: { id: 'user-1', name: 'Ann', email: 'ann@example.com' }, error: null, trigger: { type: 'manual', nodeId: 't' } });
    expect(events.map((e) => (e.type === 'run' ? `run:${e.run.status}` : `${e.step.name}:${e.step.status}`))).toEqual([
      'run:running',
      'Manual trigger:running',
      'Manual trigger:succeeded',
      'Get User:running',
      'Get User:succeeded',
      'Post Result:running',
      'Post Result:succeeded',
      'run:succeeded',
    ]);
    expect(final('Manual trigger')?.outputs).toEqual({ body: { who: 'ann smith' } });
    expect(final('Get User')?.outputs).toMatchObject({ status: 200, body: { url: '/a', id: 7 } });

    expect(server.requests[1]).toMatchObject({ method: 'POST', url: '/users/7?from=ann%20smith', body: '{"status": 200}' });
    expect(server.requests[1]?.headers).toMatchObject({ 'x-trace': 'trace-ann smith', 'content-type': 'application/json' });

    const post = final('Post Result');
    expect(post?.inputs).toMatchObject({
      endpoint: 'Endpoint ep',
      method: 'POST',
      url: `${server.url}/users/7?from=ann%20smith`,
      headers: { 'X-Trace': 'trace-ann smith', Authorization: '[redacted]' },
      body: '{"status": 200}',
    });
    expect(post?.exchanges).toHaveLength(1);
    expect(post?.exchanges[0]).toMatchObject({ method: 'POST', status: 200, requestHeaders: { Authorization: '[redacted]' } });
    expect(JSON.stringify(events)).not.toContain('typed-token');
    expect(post?.durationMs).toBeGreaterThanOrEqual(0);
    expect(summary.durationMs).toBeGreaterThanOrEqual(0);
    // The running record shows the settings before references are resolved.
    const running = events.find((e) => e.type === 'step' && e.step.name === 'Post Result' && e.step.status === 'running');
    expect(running?.type === 'step' && running.step.inputs).toMatchObject({ path: '/users/{{Get User.body.id}}?from={{trigger.body.who}}' });
  });

  it('runs independent branches concurrently and joins them', async () => {
    const arrived: string[] = [];
    let release: () => void = () => {};
    const bothArrived = new Promise<void>((resolve) => (release = resolve));
    const server = await serve(async (req, res) => {
      arrived.push(req.url ?? '');
      if (req.url === '/a' || req.url === '/b') {
        if (arrived.includes('/a') && arrived.includes('/b')) release();
        // Sequential branches would never get here with both requests in flight.
        await Promise.race([bothArrived, new Promise((resolve) => setTimeout(resolve, 2_000))]);
        res.statusCode = arrived.includes('/a') && arrived.includes('/b') ? 200 : 500;
      }
      res.end('ok');
    });
    const graph = graphOf([trigger(), call('a', 'A'), call('b', 'B'), call('c', 'C')], [edge('t', 'a'), edge('t', 'b'), edge('a', 'c'), edge('b', 'c')]);
    const { summary, final, steps } = await run(graph, { endpoints: endpoints({ ep: server.url }) });

    expect(summary.status).toBe('succeeded');
    expect(final('A')?.outputs).toMatchObject({ status: 200 });
    expect(final('B')?.outputs).toMatchObject({ status: 200 });
    expect(arrived).toEqual(expect.arrayContaining(['/a', '/b']));
    expect(arrived[2]).toBe('/c');
    const order = steps.map((s) => `${s.name}:${s.status}`);
    expect(order.indexOf('C:running')).toBeGreaterThan(order.indexOf('A:succeeded'));
    expect(order.indexOf('C:running')).toBeGreaterThan(order.indexOf('B:succeeded'));
  });

  it('stops what is downstream of a failed step and keeps running independent branches', async () => {
    const server = await serve(echo);
    const refused = `http://127.0.0.1:${await closedPort()}`;
    const graph = graphOf(
      [trigger(), call('a', 'Broken', { endpointId: 'down' }), call('b', 'After Broken'), call('c', 'Further'), call('d', 'Independent'), call('e', 'Join')],
      [edge('t', 'a'), edge('a', 'b'), edge('b', 'c'), edge('t', 'd'), edge('a', 'e'), edge('d', 'e')],
    );
    const { summary, final, steps } = await run(graph, { endpoints: endpoints({ ep: server.url, down: refused }) });

    expect(summary.status).toBe('failed');
    expect(summary.error).toMatchObject({ code: 'HTTP_CONNECT_FAILED', details: { step: 'Broken', nodeId: 'a' } });
    expect(final('Broken')).toMatchObject({ status: 'failed', error: { code: 'HTTP_CONNECT_FAILED' }, outputs: null });
    expect(final('Broken')?.exchanges).toHaveLength(1);
    expect(final('Broken')?.inputs).toMatchObject({ url: `${refused}/a` });
    expect(final('Independent')?.status).toBe('succeeded');
    for (const name of ['After Broken', 'Further', 'Join']) {
      expect(final(name)).toMatchObject({ status: 'skipped', durationMs: null, error: null });
      expect(steps.filter((s) => s.name === name)).toHaveLength(1);
    }
    expect(server.requests.map((r) => r.url)).toEqual(['/d']);
  });

  it('fails a step whose endpoint no longer exists with ENDPOINT_NOT_FOUND', async () => {
    const graph = graphOf([trigger(), call('a', 'Call', { endpointId: 'deleted' }), call('b', 'Next')], [edge('t', 'a'), edge('a', 'b')]);
    const { summary, final } = await run(graph, { endpoints: endpoints({}) });
    expect(summary.status).toBe('failed');
    expect(final('Call')?.error).toMatchObject({ code: 'ENDPOINT_NOT_FOUND', details: { endpointId: 'deleted' } });
    expect(final('Next')?.status).toBe('skipped');
  });

  it('fails a step that is not ready with VALIDATION_FAILED, in a single record', async () => {
    const graph = graphOf([trigger(), call('a', 'Unset', { endpointId: null })], [edge('t', 'a')]);
    const { summary, steps } = await run(graph);
    expect(summary.status).toBe('failed');
    const records = steps.filter((s) => s.name === 'Unset');
    expect(records).toHaveLength(1);
    expect(records[0]?.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Step is not ready: Endpoint is required' });
  });

  it('fails on an unknown reference without sending anything, naming the reference', async () => {
    const server = await serve(echo);
    const graph = graphOf(
      [trigger(), call('a', 'Sibling'), call('b', 'Uses Sibling', { path: '/x/{{Sibling.body.id}}' }), call('c', 'Uses Payload', { body: '{{trigger.body.missing}}' })],
      [edge('t', 'a'), edge('t', 'b'), edge('t', 'c')],
    );
    const { final } = await run(graph, { endpoints: endpoints({ ep: server.url }), payload: { present: 1 } });
    expect(final('Uses Sibling')?.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reference: 'Sibling.body.id', field: 'Path' } });
    expect(final('Uses Sibling')?.error?.message).toContain('no step named "Sibling" ran before this step');
    expect(final('Uses Payload')?.error?.message).toContain('{{trigger.body.missing}}');
    expect(server.requests.map((r) => r.url)).toEqual(['/a']);
  });

  it('treats any HTTP status as a successful step with that status', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 404;
      res.end('not here');
    });
    const { summary, final } = await run(graphOf([trigger(), call('a', 'Lookup')], [edge('t', 'a')]), { endpoints: endpoints({ ep: server.url }) });
    expect(summary.status).toBe('succeeded');
    expect(final('Lookup')).toMatchObject({ status: 'succeeded', outputs: { status: 404, body: 'not here' } });
  });

  it('ignores steps not reachable from the chosen trigger', async () => {
    const server = await serve(echo);
    const graph = graphOf(
      [trigger(), trigger('t2', 'Other trigger'), call('a', 'Mine'), call('b', 'Theirs'), call('c', 'Loose')],
      [edge('t', 'a'), edge('t2', 'b'), edge('b', 'a')],
    );
    const { summary, steps } = await run(graph, { endpoints: endpoints({ ep: server.url }) });
    expect(summary.status).toBe('succeeded');
    expect(new Set(steps.map((s) => s.name))).toEqual(new Set(['Manual trigger', 'Mine']));
  });

  it('refuses a trigger id that is not a trigger of the flow, before emitting anything', async () => {
    const events: RunEvent[] = [];
    const graph = graphOf([trigger(), call('a', 'A')], [edge('t', 'a')]);
    const base = { runId: 'r', user: { id: 'u', name: 'Ann', email: 'ann@example.com' }, flow: { id: 'f', version: 1, graph }, endpoints: endpoints({}), http, sink: (e: RunEvent) => void events.push(e) };
    await expect(runFlow({ ...base, trigger: { nodeId: 'a', payload: null, type: 'manual' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(runFlow({ ...base, trigger: { nodeId: 'nope', payload: null, type: 'manual' } })).rejects.toBeInstanceOf(FlowyardError);
    expect(events).toEqual([]);
  });

  it('turns unexpected exceptions into step failures', async () => {
    const broken: HttpClient = {
      send: async () => {
        throw new TypeError('boom');
      },
      accessToken: () => Promise.reject(new Error('not used')),
      checkAuthentication: () => Promise.reject(new Error('not used')),
      close: async () => {},
    };
    const graph = graphOf([trigger(), call('a', 'A')], [edge('t', 'a')]);
    const { summary, final } = await run(graph, { http: broken, endpoints: endpoints({ ep: 'http://127.0.0.1:9' }) });
    expect(summary.status).toBe('failed');
    expect(final('A')?.error).toMatchObject({ code: 'SCRIPT_ERROR', details: { unexpected: true } });
    expect(final('A')?.error?.message).toContain('boom');
  });

  it('awaits the sink one event at a time, in order', async () => {
    const server = await serve(echo);
    let active = 0;
    let maxActive = 0;
    const seen: string[] = [];
    const graph = graphOf([trigger(), call('a', 'A'), call('b', 'B'), call('c', 'C')], [edge('t', 'a'), edge('t', 'b'), edge('t', 'c')]);
    await runFlow({
      runId: 'r',
      user: { id: 'u', name: 'Ann', email: 'ann@example.com' },
      flow: { id: 'f', version: 1, graph },
      trigger: { nodeId: 't', payload: null, type: 'manual' },
      endpoints: endpoints({ ep: server.url }),
      http,
      sink: async (event) => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(event.type === 'run' ? `run:${event.run.status}` : `${event.step.name}:${event.step.status}`);
        active--;
      },
    });
    expect(maxActive).toBe(1);
    expect(seen[0]).toBe('run:running');
    expect(seen.at(-1)).toBe('run:succeeded');
    expect(seen).toHaveLength(2 + 2 * 4);
  });

  it('rejects when the sink fails, without starting further steps', async () => {
    const server = await serve(echo);
    const graph = graphOf([trigger(), call('a', 'A'), call('b', 'B')], [edge('t', 'a'), edge('a', 'b')]);
    let calls = 0;
    const result = runFlow({
      runId: 'r',
      user: { id: 'u', name: 'Ann', email: 'ann@example.com' },
      flow: { id: 'f', version: 1, graph },
      trigger: { nodeId: 't', payload: null, type: 'manual' },
      endpoints: endpoints({ ep: server.url }),
      http,
      sink: () => {
        if (++calls === 3) throw new Error('database is gone');
      },
    });
    await expect(result).rejects.toThrow('database is gone');
    expect(server.requests).toHaveLength(0);
  });

  it('ends interrupted when the run is aborted, cancelling the running step', async () => {
    const server = await serve(() => {});
    const controller = new AbortController();
    const graph = graphOf([trigger(), call('a', 'Slow'), call('b', 'After')], [edge('t', 'a'), edge('a', 'b')]);
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const { summary, final } = await run(graph, { endpoints: endpoints({ ep: server.url }), signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(summary.status).toBe('interrupted');
    const plain = { code: 'RUN_INTERRUPTED', message: 'The run was stopped before it finished', details: {} };
    expect(summary.error).toEqual(plain);
    expect(final('Slow')).toMatchObject({ status: 'interrupted', error: plain });
    expect(final('After')?.status).toBe('skipped');
  });

  it('ends interrupted when the caller aborts the controller it gave the run, with the reason it gave as the run’s and the step’s error', async () => {
    const server = await serve(() => {});
    const controller = new AbortController();
    const graph = graphOf([trigger(), call('a', 'Slow'), call('b', 'After')], [edge('t', 'a'), edge('a', 'b')]);
    const reason = new FlowyardError('RUN_INTERRUPTED', 'The server stopped while the run was in flight');
    setTimeout(() => controller.abort(reason), 100);
    const { summary, final } = await run(graph, { endpoints: endpoints({ ep: server.url }), abortController: controller });
    const error = { code: 'RUN_INTERRUPTED', message: 'The server stopped while the run was in flight', details: {} };
    expect(summary).toMatchObject({ status: 'interrupted', error });
    expect(final('Slow')).toMatchObject({ status: 'interrupted', error });
    expect(final('After')).toMatchObject({ status: 'skipped', error: null });
  });

  it('runs to the end with a controller nobody aborts, and aborts it when the sink fails', async () => {
    const server = await serve(echo);
    const graph = graphOf([trigger(), call('a', 'A')], [edge('t', 'a')]);
    const calm = new AbortController();
    const { summary } = await run(graph, { endpoints: endpoints({ ep: server.url }), abortController: calm });
    expect(summary.status).toBe('succeeded');
    expect(calm.signal.aborted).toBe(false);

    const failing = new AbortController();
    const sinkError = new Error('database is gone');
    const result = run(graph, {
      endpoints: endpoints({ ep: server.url }),
      abortController: failing,
      sink: (event) => {
        if (event.type === 'step') throw sinkError;
      },
    });
    await expect(result).rejects.toBe(sinkError);
    expect(failing.signal.reason).toBe(sinkError);
  });

  it('rejects when an asynchronous sink fails', async () => {
    const graph = graphOf([trigger()], []);
    await expect(run(graph, { sink: async () => Promise.reject(new Error('disk full')) })).rejects.toThrow('disk full');
  });

  it('plans the waits and the custom step definitions of each trigger', () => {
    const custom = { id: 'c', type: 'custom-step', position, data: { name: 'C', config: { customStepId: 'cs-1' } } };
    const graph = graphOf([trigger(), call('a', 'A'), call('b', 'B'), custom, call('j', 'Join')], [edge('t', 'a'), edge('t', 'b'), edge('a', 'j'), edge('b', 'j'), edge('b', 'c')]);
    const plan = compileFlow(graph).triggers.get('t');
    expect(plan?.waitCounts).toEqual(new Map([['t', 0], ['a', 1], ['b', 1], ['j', 2], ['c', 1]]));
    expect(plan?.customStepIds).toEqual(['cs-1']);
    expect(compileFlow(graphOf([trigger(), call('a', 'A')], [edge('t', 'a')])).triggers.get('t')?.customStepIds).toEqual([]);
  });

  it('compiles a graph once per graph object', () => {
    const graph = graphOf([trigger(), call('a', 'A')], [edge('t', 'a')]);
    const compiled = compileFlow(graph);
    expect(compileFlow(graph)).toBe(compiled);
    expect(compiled.triggers.get('t')?.order).toEqual(['t', 'a']);
    expect(compiled.triggers.get('t')?.ancestors.get('a')).toEqual(['t']);
  });
});
