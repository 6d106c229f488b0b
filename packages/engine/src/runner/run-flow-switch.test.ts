import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { flowGraphSchema, type FlowGraph } from '../flow/flow-graph';
import { createHttpClient } from '../http/http-client';
import type { Json, RunEvent, StepRecord } from '../run/run-record';
import { closedPort, startLocalServer, type LocalHandler, type LocalServer } from '../testing/local-server';
import { runFlow } from './run-flow';

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
const trigger = { id: 't', type: 'manual-trigger', position, data: { name: 'Start', config: {} } };
const call = (id: string, name: string, path = `/${id}`) => ({ id, type: 'http-request', position, data: { name, config: { endpointId: 'ep', path } } });
const switchNode = (id: string, name: string, value: string, cases: { id: string; value: string }[]) => ({
  id,
  type: 'switch',
  position,
  data: { name, config: { value, cases } },
});
const edge = (source: string, target: string, sourceHandle: string | null = null) => ({ id: `${source}->${target}:${sourceHandle ?? ''}`, source, target, sourceHandle });
const graphOf = (nodes: unknown[], edges: unknown[]): FlowGraph => flowGraphSchema.parse({ nodes, edges });

async function run(graph: FlowGraph, baseUrl: string, payload: Json) {
  const endpoint: ResolvedEndpoint = { id: 'ep', name: 'Target', baseUrl, trustSelfSigned: false, auth: { type: 'none' } };
  const events: RunEvent[] = [];
  const summary = await runFlow({
    runId: 'run-1',
    user: { id: 'user-1', name: 'Ann', email: 'ann@example.com' },
    flow: { id: 'flow-1', version: 1, graph },
    trigger: { nodeId: 't', payload, type: 'manual' },
    endpoints: { get: async (id) => (id === 'ep' ? endpoint : undefined), getByName: async () => undefined },
    http,
    sink: (event) => void events.push(event),
  });
  const last = new Map<string, StepRecord>();
  for (const event of events) if (event.type === 'step') last.set(event.step.name, event.step);
  const statuses = Object.fromEntries([...last].map(([name, step]) => [name, step.status]));
  return { summary, statuses, final: (name: string) => last.get(name) };
}

const ok: LocalHandler = (_req, res) => res.end('ok');

// Start → Route (on trigger.body.kind: a | b | default) → A → A2, B, Other; A2 and B join in Join.
const routed = () =>
  graphOf(
    [
      trigger,
      switchNode('s', 'Route', '{{trigger.body.kind}}', [
        { id: 'case-a', value: 'a' },
        { id: 'case-b', value: '{{trigger.body.second}}' },
      ]),
      call('a', 'A'),
      call('a2', 'A2'),
      call('b', 'B'),
      call('o', 'Other'),
      call('j', 'Join', '/join?after={{Route.matched}}'),
    ],
    [edge('t', 's'), edge('s', 'a', 'case-a'), edge('a', 'a2'), edge('s', 'b', 'case-b'), edge('s', 'o', 'default'), edge('a2', 'j'), edge('b', 'j')],
  );

describe('Switch in a flow', () => {
  it('runs only the matching branch; untaken branches are skipped and a join after the taken one runs', async () => {
    const server = await serve(ok);
    const { summary, statuses, final } = await run(routed(), server.url, { kind: 'a', second: 'b' });
    expect(summary.status).toBe('succeeded');
    expect(statuses).toEqual({ Start: 'succeeded', Route: 'succeeded', A: 'succeeded', A2: 'succeeded', B: 'skipped', Other: 'skipped', Join: 'succeeded' });
    expect(final('Route')).toMatchObject({ inputs: { value: 'a', cases: ['a', 'b'] }, outputs: { value: 'a', matched: 'a' } });
    expect(server.requests.map((r) => r.url)).toEqual(['/a', '/a2', '/join?after=a']);
  });

  it('matches a case whose value is a reference, exactly', async () => {
    const server = await serve(ok);
    const { statuses, final } = await run(routed(), server.url, { kind: 'b', second: 'b' });
    expect(statuses).toMatchObject({ A: 'skipped', A2: 'skipped', B: 'succeeded', Other: 'skipped', Join: 'succeeded' });
    expect(final('Route')?.outputs).toEqual({ value: 'b', matched: 'b' });
    const other = await run(routed(), server.url, { kind: 'B', second: 'b' });
    expect(other.statuses).toMatchObject({ A: 'skipped', B: 'skipped', Other: 'succeeded', Join: 'skipped' });
    expect(other.final('Route')?.outputs).toEqual({ value: 'B', matched: 'default' });
  });

  it('follows default when nothing matches and skips a join none of whose edges was taken', async () => {
    const server = await serve(ok);
    const { summary, statuses } = await run(routed(), server.url, { kind: 'zzz', second: 'b' });
    expect(summary.status).toBe('succeeded');
    expect(statuses).toEqual({ Start: 'succeeded', Route: 'succeeded', A: 'skipped', A2: 'skipped', B: 'skipped', Other: 'succeeded', Join: 'skipped' });
  });

  it('stops a join when the taken branch fails', async () => {
    const server = await serve(ok);
    const graph = routed();
    const broken = `http://127.0.0.1:${await closedPort()}`;
    // A fails (its endpoint refuses connections); Join waits for A2, which is stopped, so Join is stopped too.
    const endpointGraph = graphOf(
      graph.nodes.map((node) => (node.id === 'a' ? { ...node, data: { ...node.data, config: { ...node.data.config, endpointId: 'broken' } } } : node)),
      graph.edges,
    );
    const events: RunEvent[] = [];
    const summary = await runFlow({
      runId: 'r',
      user: { id: 'u', name: 'Ann', email: 'ann@example.com' },
      flow: { id: 'f', version: 1, graph: endpointGraph },
      trigger: { nodeId: 't', payload: { kind: 'a', second: 'b' }, type: 'manual' },
      endpoints: {
        get: async (id) => ({ id, name: id, baseUrl: id === 'broken' ? broken : server.url, trustSelfSigned: false, auth: { type: 'none' } }),
        getByName: async () => undefined,
      },
      http,
      sink: (event) => void events.push(event),
    });
    const last: Record<string, string> = {};
    for (const event of events) if (event.type === 'step') last[event.step.name] = event.step.status;
    expect(summary.status).toBe('failed');
    expect(last).toMatchObject({ A: 'failed', A2: 'skipped', B: 'skipped', Join: 'skipped' });
    expect(summary.error).toMatchObject({ code: 'HTTP_CONNECT_FAILED', details: { step: 'A' } });
  });

  it('runs the steps of the taken branch concurrently, alongside an independent branch', async () => {
    const expected = ['/x', '/y', '/side'];
    const arrived = new Set<string>();
    let release: () => void = () => {};
    const allArrived = new Promise<void>((resolve) => (release = resolve));
    const server = await serve(async (req, res) => {
      arrived.add(req.url ?? '');
      if (expected.every((url) => arrived.has(url))) release();
      // Run one after the other, no request would see the others in flight: it answers 500 after 2 s.
      await Promise.race([allArrived, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      res.statusCode = expected.every((url) => arrived.has(url)) ? 200 : 500;
      res.end();
    });
    const graph = graphOf(
      [trigger, switchNode('s', 'Route', '{{trigger.body.kind}}', [{ id: 'go', value: 'go' }]), call('x', 'X'), call('y', 'Y'), call('side', 'Side'), call('no', 'Not taken')],
      [edge('t', 's'), edge('s', 'x', 'go'), edge('s', 'y', 'go'), edge('s', 'no', 'default'), edge('t', 'side')],
    );
    const started = Date.now();
    const { summary, statuses, final } = await run(graph, server.url, { kind: 'go' });
    expect(summary.status).toBe('succeeded');
    expect(statuses).toMatchObject({ X: 'succeeded', Y: 'succeeded', Side: 'succeeded', 'Not taken': 'skipped' });
    for (const name of ['X', 'Y', 'Side']) expect(final(name)?.outputs).toMatchObject({ status: 200 });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('fails the switch step on an unknown reference, naming it', async () => {
    const server = await serve(ok);
    const graph = graphOf([trigger, switchNode('s', 'Route', '{{Nowhere.value}}', [{ id: 'a', value: 'a' }]), call('a', 'A')], [edge('t', 's'), edge('s', 'a', 'a')]);
    const { summary, statuses, final } = await run(graph, server.url, {});
    expect(summary.status).toBe('failed');
    expect(statuses).toMatchObject({ Route: 'failed', A: 'skipped' });
    expect(final('Route')?.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('{{Nowhere.value}} in Value') });
  });
});
