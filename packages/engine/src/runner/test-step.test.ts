import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { createHttpClient } from '../http/http-client';
import type { StepRecord } from '../run/run-record';
import { startLocalServer, type LocalServer } from '../testing/local-server';
import { call, edge, graphOf, manualTrigger } from './run-flow-test-kit';
import { testStep } from './test-step';

const http = createHttpClient();
afterAll(() => http.close());
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const recorded = (nodeId: string, name: string, outputs: StepRecord['outputs']): StepRecord => ({
  id: `r-${nodeId}`, runId: 'run-0', nodeId, stepType: 'http-request', name, status: 'succeeded', startedAt: '', finishedAt: '', durationMs: 1,
  inputs: {}, outputs, exchanges: [], logs: [], error: null, attempt: 1, nextHandle: null, replayedFrom: null,
});

async function setUp(pins?: unknown) {
  const server = await startLocalServer((_req, res) => res.setHeader('content-type', 'application/json').end('{"done":true}'));
  servers.push(server);
  const endpoint: ResolvedEndpoint = { id: 'ep', name: 'Target', baseUrl: server.url, trustSelfSigned: false, auth: { type: 'none' } };
  const graph = graphOf(
    [manualTrigger, call('a', 'Create'), call('b', 'Notify', '/notify/{{Create.body.id}}?who={{trigger.body.who}}'), call('c', 'Later')],
    [edge('t', 'a'), edge('a', 'b'), edge('b', 'c')],
    pins,
  );
  const test = (lastRun?: { triggerNodeId: string; steps: StepRecord[] }) =>
    testStep({
      testId: 'test-1',
      user: { id: 'u1', name: 'Ann', email: 'ann@example.com' },
      flow: { id: 'f1', version: 3, graph },
      nodeId: 'b',
      lastRun,
      endpoints: { get: async (id) => (id === 'ep' ? endpoint : undefined), getByName: async () => undefined },
      http,
    });
  return { server, test };
}

const lastRun = { triggerNodeId: 't', steps: [recorded('t', 'Start', { body: { who: 'ann' } }), recorded('a', 'Create', { body: { id: 'from-run' } })] };

describe('testStep', () => {
  it('runs only the step, with references resolved from the last run; nothing upstream or downstream runs', async () => {
    const { server, test } = await setUp();
    const { record, upstream } = await test(lastRun);
    expect(record).toMatchObject({ nodeId: 'b', runId: 'test-1', status: 'succeeded', outputs: { status: 200, body: { done: true } } });
    expect(record.inputs).toMatchObject({ path: '/notify/from-run?who=ann' });
    expect(record.exchanges).toHaveLength(1);
    expect(upstream).toEqual({ Start: 'run', Create: 'run' });
    expect(server.requests.map((r) => r.url)).toEqual(['/notify/from-run?who=ann']);
  });

  it('takes pinned outputs over the last run', async () => {
    const { server, test } = await setUp({ a: { outputs: { body: { id: 'pinned' } }, pinnedAt: '2026-12-05T08:00:00.000Z' } });
    const { upstream } = await test(lastRun);
    expect(upstream).toEqual({ Start: 'run', Create: 'pin' });
    expect(server.requests.map((r) => r.url)).toEqual(['/notify/pinned?who=ann']);
  });

  it('without a run, a reference to an upstream step fails the step as in a run', async () => {
    const { server, test } = await setUp();
    const { record, upstream } = await test();
    expect(upstream).toEqual({ Start: 'none', Create: 'none' });
    expect(record.status).toBe('failed');
    expect(record.error?.code).toBe('VALIDATION_FAILED');
    expect(server.requests).toEqual([]);
  });
});
