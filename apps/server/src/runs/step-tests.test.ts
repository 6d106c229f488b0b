import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainGraph } from '../testing/graphs';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';
import { keptTestsPerStep } from './step-tests-service';

let app: TestApp;
let target: TargetServer;
beforeEach(async () => {
  app = await createTestApp();
  target = await startTargetServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id: 'from-target', path: req.url }));
  });
});
afterEach(async () => {
  await app.close();
  await target.close();
});

async function twoStepFlow() {
  const endpoint = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Target', baseUrl: target.url, auth: { type: 'none' } });
  const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Two steps' });
  const graph = chainGraph([
    { id: 'create', name: 'Create', endpointId: endpoint.id, path: '/create' },
    { id: 'notify', name: 'Notify', endpointId: endpoint.id, path: '/notify/{{Create.body.id}}' },
  ]);
  return app.caller.flows.save({ id: flow.id, version: flow.version, graph });
}

describe('stepTests', () => {
  it('tests one step with references from the last run; recorded as a test, not a run of the flow', async () => {
    const flow = await twoStepFlow();
    await app.caller.runs.start({ flowId: flow.id, payload: {} });
    await app.services.runs.whenIdle();
    target.requests.length = 0;

    const test = await app.caller.stepTests.run({ flowId: flow.id, nodeId: 'notify' });
    expect(test.record).toMatchObject({ nodeId: 'notify', status: 'succeeded', inputs: { path: '/notify/from-target' }, outputs: { status: 200 } });
    expect(test.record.exchanges).toHaveLength(1);
    expect(test.upstream).toEqual({ 'Manual trigger': 'run', Create: 'run' });
    // Only the tested step reached the target, and the flow has still one run.
    expect(target.requests.map((r) => r.url)).toEqual(['/notify/from-target']);
    expect((await app.caller.runs.list({ flowId: flow.id })).items).toHaveLength(1);
    expect(await app.caller.stepTests.list({ flowId: flow.id, nodeId: 'notify' })).toEqual([test]);
  });

  it('takes pins over the last run, keeps the newest few tests per step', async () => {
    const saved = await twoStepFlow();
    const pins = { create: { outputs: { body: { id: 'pinned' } }, runId: null, pinnedAt: '2026-12-05T08:00:00.000Z' } };
    const flow = await app.caller.flows.save({ id: saved.id, version: saved.version, graph: { ...saved.graph, pins } });
    expect(flow.graph.pins).toEqual(pins);
    for (let i = 0; i < keptTestsPerStep + 2; i++) await app.caller.stepTests.run({ flowId: flow.id, nodeId: 'notify' });
    expect(target.requests.map((r) => r.url)).toEqual(Array.from({ length: keptTestsPerStep + 2 }, () => '/notify/pinned'));
    expect(await app.caller.stepTests.list({ flowId: flow.id, nodeId: 'notify' })).toHaveLength(keptTestsPerStep);
  });

  it('refuses triggers, unknown steps and callers without flows.edit', async () => {
    const flow = await twoStepFlow();
    expect(await apiErrorOf(app.caller.stepTests.run({ flowId: flow.id, nodeId: 'trigger' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await apiErrorOf(app.caller.stepTests.run({ flowId: flow.id, nodeId: 'nope' }))).toMatchObject({ code: 'NOT_FOUND' });
    const { caller } = await app.createUser('standard');
    expect(await apiErrorOf(caller.stepTests.run({ flowId: flow.id, nodeId: 'notify' }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a manual run records pinned steps as pinned; they keep that when read back', async () => {
    const saved = await twoStepFlow();
    const pins = { create: { outputs: { body: { id: 'pinned' } }, runId: null, pinnedAt: '2026-12-05T08:00:00.000Z' } };
    const flow = await app.caller.flows.save({ id: saved.id, version: saved.version, graph: { ...saved.graph, pins } });
    const { runId } = await app.caller.runs.start({ flowId: flow.id, payload: {} });
    await app.services.runs.whenIdle();
    const { steps } = await app.caller.runs.get({ runId });
    expect(steps.find((s) => s.nodeId === 'create')).toMatchObject({ pinned: true, outputs: { body: { id: 'pinned' } } });
    expect(steps.find((s) => s.nodeId === 'notify')?.pinned).toBeUndefined();
    expect(target.requests.map((r) => r.url)).toEqual(['/notify/pinned']);
  });
});
