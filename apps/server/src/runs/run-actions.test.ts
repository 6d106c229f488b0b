import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainGraph } from '../testing/graphs';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';
import { waitFor } from '../testing/wait-for';

// runs.list filters and paging, runs.count, runs.stop and runs.rerun, through the router.
let app: TestApp;
let target: TargetServer;
// Paths answer `{ n }`, the number of calls to that path so far; /slow never answers (until the request is cancelled).
const counts = new Map<string, number>();
let slowClosed = 0;
beforeEach(async () => {
  app = await createTestApp();
  counts.clear();
  slowClosed = 0;
  target = await startTargetServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    counts.set(path, (counts.get(path) ?? 0) + 1);
    if (path === '/slow') {
      res.on('close', () => slowClosed++);
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ n: counts.get(path) }));
  });
});
afterEach(async () => {
  await app.close();
  await target.close();
});

async function flowWith(steps: { id: string; name: string; path: string }[], name = 'Flow') {
  const endpoint = await app.caller.endpoints.create({ workflowId: app.workflowId, name: `Target ${name}`, baseUrl: target.url, auth: { type: 'none' } });
  const flow = await app.caller.flows.create({ workflowId: app.workflowId, name });
  return app.caller.flows.save({ id: flow.id, version: flow.version, graph: chainGraph(steps.map((step) => ({ ...step, endpointId: endpoint.id }))) });
}

describe('runs.list and runs.count', () => {
  it('page through every run of a flow by cursor, and count them all', async () => {
    const flow = await flowWith([], 'Many');
    for (let i = 0; i < 55; i++) await app.caller.runs.start({ flowId: flow.id, payload: { i } });
    await app.services.runs.whenIdle();
    const first = await app.caller.runs.list({ flowId: flow.id, limit: 50 });
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    const second = await app.caller.runs.list({ flowId: flow.id, limit: 50, cursor: first.nextCursor });
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((run) => run.id);
    expect(new Set(ids).size).toBe(55);
    expect(await app.caller.runs.count({ flowId: flow.id })).toBe(55);
  });

  it('filter by status, trigger, acted-as user, time range, and across the flows of a workflow', async () => {
    const good = await flowWith([{ id: 'a', name: 'A', path: '/a' }], 'Good');
    const bad = await flowWith([{ id: 'a', name: 'A', path: '/a' }], 'Bad');
    // The bad flow's step points at a port nobody listens on.
    const refused = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Refused', baseUrl: 'http://127.0.0.1:9', auth: { type: 'none' } });
    await app.caller.flows.save({ id: bad.id, version: bad.version, graph: chainGraph([{ id: 'a', name: 'A', endpointId: refused.id, path: '/a' }]) });
    const developer = await app.createUser('developer', 'Dev');
    const before = new Date().toISOString();
    const manual = await app.caller.runs.start({ flowId: good.id, payload: {} });
    const byDev = await developer.caller.runs.start({ flowId: good.id, payload: {} });
    const http = await app.services.runs.start(app.admin, { flowId: good.id, payload: {} }, 'http');
    const failed = await app.caller.runs.start({ flowId: bad.id, payload: {} });
    await app.services.runs.whenIdle();

    const ids = async (input: Parameters<typeof app.caller.runs.list>[0]) => (await app.caller.runs.list({ limit: 50, ...input })).items.map((run) => run.id);
    expect(await ids({ flowId: good.id })).toEqual([http.runId, byDev.runId, manual.runId]);
    expect(await ids({ flowId: good.id, trigger: 'http' })).toEqual([http.runId]);
    expect(await ids({ flowId: good.id, trigger: 'manual', userId: developer.user.id })).toEqual([byDev.runId]);
    expect(await ids({ workflowId: app.workflowId, status: 'failed' })).toEqual([failed.runId]);
    expect(await ids({ workflowId: app.workflowId })).toEqual([failed.runId, http.runId, byDev.runId, manual.runId]);
    expect(await ids({ workflowId: app.workflowId, from: before })).toHaveLength(4);
    expect(await ids({ workflowId: app.workflowId, to: before })).toEqual([]);
    expect(await ids({ workflowId: app.workflowId, from: '2000-01-01T01:00:00+01:00', to: '2100-01-01T00:00:00Z', status: 'succeeded' })).toHaveLength(3);
    expect(await app.caller.runs.count({ workflowId: app.workflowId, status: 'succeeded' })).toBe(3);
    expect(await app.caller.runs.count({ flowId: good.id, userId: developer.user.id })).toBe(1);
  });

  it('refuses a list without a scope, and times that are not ISO, naming the field', async () => {
    expect(await apiErrorOf(app.caller.runs.list({ limit: 10 }))).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'flowId' }] });
    expect(await apiErrorOf(app.caller.runs.count({ workflowId: app.workflowId, from: 'yesterday' }))).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'from' }] });
    expect(await apiErrorOf(app.caller.runs.list({ workflowId: app.workflowId, status: 'lost' as never }))).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'status' }] });
  });
});

describe('runs.stop', () => {
  it('cancels the running step and ends the run interrupted with RUN_STOPPED and who stopped it', async () => {
    const flow = await flowWith([{ id: 'slow', name: 'Slow', path: '/slow' }, { id: 'after', name: 'After', path: '/after' }]);
    const developer = await app.createUser('developer', 'Stopper');
    const { runId } = await app.caller.runs.start({ flowId: flow.id, payload: {} });
    await waitFor(() => counts.get('/slow') === 1 || undefined);

    const stopped = await developer.caller.runs.stop({ runId });

    expect(stopped).toMatchObject({ id: runId, status: 'interrupted', error: { code: 'RUN_STOPPED', message: 'Stopped by Stopper', details: { stoppedBy: { id: developer.user.id, name: 'Stopper' } } } });
    const { run, steps } = await app.caller.runs.get({ runId });
    expect(run).toMatchObject({ status: 'interrupted', error: { code: 'RUN_STOPPED', details: { stoppedBy: { name: 'Stopper' } } } });
    expect(steps.find((step) => step.nodeId === 'slow')).toMatchObject({ status: 'interrupted', error: { code: 'RUN_STOPPED' } });
    expect(steps.find((step) => step.nodeId === 'after')?.status).toBe('skipped');
    // The request in flight was cancelled, and nothing after it ran.
    await waitFor(() => slowClosed === 1 || undefined);
    expect(counts.get('/after')).toBeUndefined();
    expect(await apiErrorOf(app.caller.runs.stop({ runId }))).toMatchObject({ code: 'CONFLICT' });
    expect(await apiErrorOf(app.caller.runs.stop({ runId: 'nope' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is refused to a user who may only view runs', async () => {
    const standard = await app.createUser('standard');
    expect(await apiErrorOf(standard.caller.runs.stop({ runId: 'x' }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('runs.rerun', () => {
  const threeSteps = [
    { id: 'a', name: 'A', path: '/a' },
    { id: 'b', name: 'B', path: '/b?n={{A.body.n}}' },
    { id: 'c', name: 'C', path: '/c?n={{B.body.n}}&who={{trigger.body.who}}' },
  ];

  it('re-runs with the past payload as the caller, linked both ways', async () => {
    const flow = await flowWith(threeSteps);
    const { runId: past } = await app.caller.runs.start({ flowId: flow.id, payload: { who: 'ann' } });
    await app.services.runs.whenIdle();
    const developer = await app.createUser('developer', 'Again');
    const { runId } = await developer.caller.runs.rerun({ runId: past });
    await app.services.runs.whenIdle();
    const { run } = await app.caller.runs.get({ runId });
    expect(run).toMatchObject({ status: 'succeeded', actedAs: { name: 'Again' }, rerunOf: { runId: past, fromNodeId: null }, trigger: { type: 'manual' } });
    expect(target.requests.at(-1)?.url).toBe('/c?n=2&who=ann');
    expect(await app.caller.runs.reruns({ runId: past })).toEqual([{ id: runId, status: 'succeeded', startedAt: run.startedAt, fromNodeId: null }]);
  });

  it('from a step: runs it and what follows with the current flow, replaying the outputs before it without calling them', async () => {
    const flow = await flowWith(threeSteps);
    const { runId: past } = await app.caller.runs.start({ flowId: flow.id, payload: { who: 'ann' } });
    await app.services.runs.whenIdle();
    const { runId } = await app.caller.runs.rerun({ runId: past, fromNodeId: 'b' });
    await app.services.runs.whenIdle();
    expect([counts.get('/a'), counts.get('/b'), counts.get('/c')]).toEqual([1, 2, 2]);
    const { run, steps } = await app.caller.runs.get({ runId });
    expect(run).toMatchObject({ status: 'succeeded', rerunOf: { runId: past, fromNodeId: 'b' } });
    expect(Object.fromEntries(steps.map((step) => [step.nodeId, step.replayedFrom]))).toEqual({ trigger: past, a: past, b: null, c: null });
    expect(target.requests.slice(-2).map((request) => request.url)).toEqual(['/b?n=1', '/c?n=2&who=ann']);
  });

  it('refuses before running when the flow no longer fits the past outputs, listing the references', async () => {
    const flow = await flowWith(threeSteps);
    const { runId: past } = await app.caller.runs.start({ flowId: flow.id, payload: { who: 'ann' } });
    await app.services.runs.whenIdle();
    // A step added between A and B since, which B now reads: the past run has no outputs for it.
    const current = await app.caller.flows.get({ id: flow.id });
    const a = current.graph.nodes.find((node) => node.id === 'a');
    const endpoint = a?.type === 'http-request' ? a.data.config.endpointId : null;
    await app.caller.flows.save({
      id: flow.id,
      version: current.version,
      graph: chainGraph([
        { id: 'a', name: 'A', endpointId: endpoint, path: '/a' },
        { id: 'x', name: 'Added', endpointId: endpoint, path: '/x' },
        { id: 'b', name: 'B', endpointId: endpoint, path: '/b?n={{Added.body.n}}' },
      ]),
    });
    const before = target.requests.length;
    const error = await apiErrorOf(app.caller.runs.rerun({ runId: past, fromNodeId: 'b' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'graph.nodes.3.data.config.path' }] });
    expect(error.message).toContain('{{Added.body.n}}');
    expect(error.message).toContain('step "Added" has no recorded outputs');
    expect(target.requests.length).toBe(before);
    expect(await app.caller.runs.count({ flowId: flow.id })).toBe(1);
    // A step that is gone cannot be re-run from.
    expect(await apiErrorOf(app.caller.runs.rerun({ runId: past, fromNodeId: 'c' }))).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'fromNodeId' }] });
  });
});
