import { createScriptPool, type FlowSaveInput, type OnFailure } from '@flowyard/engine';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customChainGraph } from '../testing/graphs';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { createTestApp, type TestApp } from '../testing/test-app';

// The first script run starts a worker (slow under tsx on a loaded machine).
const SLOW = { timeout: 60_000 };

let app: TestApp;
let target: TargetServer;
let answers: { status: number; headers?: Record<string, string> }[] = [];
const scripts = createScriptPool({ size: 1 });
beforeAll(async () => {
  target = await startTargetServer((_req, res) => {
    const answer = answers.shift() ?? { status: 200 };
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify({ ok: answer.status < 300 }));
  });
  await scripts.warmUp();
}, 60_000);
afterAll(async () => {
  await scripts.close();
  await target.close();
});
beforeEach(async () => {
  app = await createTestApp({ scripts });
});
afterEach(async () => {
  await app.close();
});

async function flowWith(onFailure: OnFailure) {
  const endpoint = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Target', baseUrl: target.url, auth: { type: 'none' } });
  const definition = await app.caller.customSteps.create({
    workflowId: app.workflowId,
    step: {
      name: 'Fetch or throw',
      outputs: [{ id: 'ok', label: 'Ok' }],
      includeEndpoint: true,
      endpointLabel: 'Api',
      script: "var resp = http.request({ endpoint: 'Api', path: '/thing' }).write(); if (resp.statusCode >= 300) throw new Error('Target said ' + resp.statusCode); output['Ok'] = 'yes';",
    },
  });
  const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Custom on failure' });
  const graph: FlowSaveInput['graph'] = customChainGraph([{ id: 'fetch', name: 'Fetch', customStepId: definition.id, endpointId: endpoint.id }]);
  const nodes = graph.nodes.map((node) => (node.type === 'custom-step' ? { ...node, data: { ...node.data, onFailure } } : node));
  return app.caller.flows.save({ id: flow.id, version: flow.version, graph: { ...graph, nodes } });
}

async function runOnce(flowId: string) {
  const { runId } = await app.caller.runs.start({ flowId, payload: {} });
  await app.services.runs.whenIdle();
  return app.caller.runs.get({ runId });
}

describe('On failure of a custom step', () => {
  it('retries a script that throws on a 503, honouring Retry-After, and records each try', SLOW, async () => {
    answers = [{ status: 503, headers: { 'Retry-After': '0' } }, { status: 200 }];
    const flow = await flowWith({ mode: 'retry', maxTries: 3, delayMs: 100 });
    const { run, steps } = await runOnce(flow.id);
    expect(run.status).toBe('succeeded');
    const fetch = steps.find((s) => s.nodeId === 'fetch');
    expect(fetch).toMatchObject({ status: 'succeeded', outputs: { Ok: 'yes' } });
    expect(fetch?.tries?.map((t) => [t.try, t.status, t.waitMs, t.error?.code ?? null])).toEqual([
      [1, 503, 0, 'SCRIPT_ERROR'],
      [2, 200, null, null],
    ]);
    expect(fetch?.exchanges.map((e) => e.status)).toEqual([503, 200]);
  });

  it('continues with the script error as output, and Test step runs the custom step on its own', SLOW, async () => {
    answers = [{ status: 500 }, { status: 200 }];
    const flow = await flowWith({ mode: 'continue' });
    const { run, steps } = await runOnce(flow.id);
    expect(run.status).toBe('succeeded');
    expect(steps.find((s) => s.nodeId === 'fetch')).toMatchObject({
      status: 'failed',
      error: { code: 'SCRIPT_ERROR' },
      outputs: { error: { code: 'SCRIPT_ERROR', message: expect.stringContaining('Target said 500') }, status: 500 },
    });
    const test = await app.caller.stepTests.run({ flowId: flow.id, nodeId: 'fetch' });
    expect(test.record).toMatchObject({ status: 'succeeded', outputs: { Ok: 'yes' } });
  });
});
