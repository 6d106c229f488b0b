import type { RunEvent } from '@flowyard/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectEvents } from '../testing/collect-events';
import { chainGraph } from '../testing/graphs';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';

let app: TestApp;
let target: TargetServer;
beforeEach(async () => {
  app = await createTestApp();
  target = await startTargetServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ hello: 'world' }));
  });
});
afterEach(async () => {
  await app.close();
  await target.close();
});

async function flowCalling(baseUrl: string, name = 'Hello flow') {
  const endpoint = await app.caller.endpoints.create({ workflowId: app.workflowId, name: `Target for ${name}`, baseUrl, auth: { type: 'none' } });
  const flow = await app.caller.flows.create({ workflowId: app.workflowId, name });
  return app.caller.flows.save({ id: flow.id, version: flow.version, graph: chainGraph([{ id: 'call', name: 'Call target', endpointId: endpoint.id, path: '/hello?x=1' }]) });
}

const isFinished = (event: RunEvent) => event.type === 'run' && event.run.status !== 'running';

describe('runs', () => {
  it('runs a flow against a local target, persists run and step records and streams its events', async () => {
    const flow = await flowCalling(target.url);
    const other = await flowCalling(target.url, 'Other flow');
    const subscription = await collectEvents(await app.caller.runs.events({ flowId: flow.id }), app.bus, flow.id, isFinished);

    await app.caller.runs.start({ flowId: other.id, payload: {} });
    const { runId } = await app.caller.runs.start({ flowId: flow.id, payload: { id: 42 } });
    await app.services.runs.whenIdle();

    const { run, steps } = await app.caller.runs.get({ runId });
    expect(run).toMatchObject({ id: runId, flowId: flow.id, flowVersion: flow.version, status: 'succeeded', trigger: { type: 'manual', nodeId: 'trigger' } });
    expect(run.userId).toBe((await app.caller.me.get()).id);
    expect(run.finishedAt).not.toBeNull();
    const call = steps.find((s) => s.nodeId === 'call');
    expect(call).toMatchObject({ runId, stepType: 'http-request', name: 'Call target', status: 'succeeded', outputs: { status: 200 } });
    expect(call?.exchanges).toHaveLength(1);
    expect(call?.exchanges[0]).toMatchObject({ method: 'GET', url: `${target.url}/hello?x=1`, status: 200 });
    expect(call?.exchanges[0]?.responseBody).toContain('world');
    expect(target.requests.map((r) => r.url)).toEqual(['/hello?x=1', '/hello?x=1']);

    const events = await subscription.done;
    // Only this flow's run shows up in this flow's stream.
    const runIds = new Set(events.map((e) => (e.type === 'run' ? e.run.id : e.step.runId)));
    expect([...runIds]).toEqual([runId]);
    expect(events[0]).toMatchObject({ type: 'run', run: { id: runId, status: 'running' } });
    expect(events.some((e) => e.type === 'step' && e.step.nodeId === 'call' && e.step.status === 'succeeded')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'run', run: { status: 'succeeded' } });
  });

  it('records a failed step with its error code when the target refuses connections', async () => {
    const closedUrl = target.url;
    await target.close();
    const flow = await flowCalling(closedUrl);
    const { runId } = await app.caller.runs.start({ flowId: flow.id, payload: {} });
    await app.services.runs.whenIdle();
    const { run, steps } = await app.caller.runs.get({ runId });
    expect(run.status).toBe('failed');
    expect(steps.find((s) => s.nodeId === 'call')).toMatchObject({ status: 'failed', error: { code: 'HTTP_CONNECT_FAILED' } });
    target = await startTargetServer((_req, res) => res.end());
  });

  it('lists runs newest first, a page at a time', async () => {
    const flow = await flowCalling(target.url);
    const started: string[] = [];
    for (let i = 0; i < 3; i++) {
      started.push((await app.caller.runs.start({ flowId: flow.id, payload: { i } })).runId);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await app.services.runs.whenIdle();
    const first = await app.caller.runs.list({ flowId: flow.id, limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual([started[2], started[1]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await app.caller.runs.list({ flowId: flow.id, limit: 2, cursor: first.nextCursor });
    expect(second).toEqual({ items: [expect.objectContaining({ id: started[0] })], nextCursor: null });
    expect((await apiErrorOf(app.caller.runs.list({ flowId: flow.id, cursor: 'garbage' }))).issues[0]?.path).toBe('cursor');
  });

  it('refuses to start a flow without a trigger or with an unknown trigger, naming the field', async () => {
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Empty' });
    const noTrigger = await apiErrorOf(app.caller.runs.start({ flowId: flow.id, payload: {} }));
    expect(noTrigger).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'triggerNodeId' }] });
    const withFlow = await flowCalling(target.url);
    const unknown = await apiErrorOf(app.caller.runs.start({ flowId: withFlow.id, triggerNodeId: 'call', payload: {} }));
    expect(unknown.issues[0]?.path).toBe('triggerNodeId');
    expect(await apiErrorOf(app.caller.runs.start({ flowId: 'nope', payload: {} }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await apiErrorOf(app.caller.runs.get({ runId: 'nope' }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('deleting a flow with a run in flight', () => {
  it('stops the run and deletes the flow with its runs', async () => {
    const hanging = await startTargetServer(() => undefined);
    try {
      const flow = await flowCalling(hanging.url, 'Doomed');
      const { runId } = await app.caller.runs.start({ flowId: flow.id, payload: {} });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await app.caller.flows.delete({ id: flow.id })).toEqual({ id: flow.id });
      await app.services.runs.whenIdle();
      expect(await apiErrorOf(app.caller.runs.get({ runId }))).toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await hanging.close();
    }
  });
});
