import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { flowGraphSchema, type FlowGraph } from '../flow/flow-graph';
import { createHttpClient } from '../http/http-client';
import type { RunEvent, StepRecord } from '../run/run-record';
import { startLocalServer, type LocalServer } from '../testing/local-server';
import { compileFlow } from './compile-flow';
import { runFlow, type RunFlowOptions } from './run-flow';
import { replayProblems } from './run-replay';

const http = createHttpClient();
afterAll(() => http.close());
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const position = { x: 0, y: 0 };
const call = (id: string, name: string, path: string) => ({ id, type: 'http-request', position, data: { name, config: { endpointId: 'ep', path } } });
const edge = (source: string, target: string, sourceHandle: string | null = null) => ({ id: `${source}->${target}`, source, target, sourceHandle });
const trigger = { id: 't', type: 'manual-trigger', position, data: { name: 'Start', config: {} } };

// Start → A → B (reads A's answer) → C (reads B's answer and the trigger's body).
const threeSteps = (bPath = '/b?n={{A.body.n}}'): FlowGraph =>
  flowGraphSchema.parse({
    nodes: [trigger, call('a', 'A', '/a'), call('b', 'B', bPath), call('c', 'C', '/c?n={{B.body.n}}&who={{trigger.body.who}}')],
    edges: [edge('t', 'a'), edge('a', 'b'), edge('b', 'c')],
  });

/** Every path answers `{ n }`, the number of calls to that path so far: a step run again shows in what follows. */
async function countingTarget(): Promise<LocalServer & { calls: (path: string) => number; urls: () => string[] }> {
  const counts = new Map<string, number>();
  const server = await startLocalServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    counts.set(path, (counts.get(path) ?? 0) + 1);
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ n: counts.get(path) }));
  });
  servers.push(server);
  return Object.assign(server, { calls: (path: string) => counts.get(path) ?? 0, urls: () => server.requests.map((r) => r.url) });
}

let ids = 0;
async function run(baseUrl: string, graph: FlowGraph, extra: Partial<RunFlowOptions> = {}): Promise<{ events: RunEvent[]; steps: StepRecord[] }> {
  const endpoint: ResolvedEndpoint = { id: 'ep', name: 'Target', baseUrl, trustSelfSigned: false, auth: { type: 'none' } };
  const events: RunEvent[] = [];
  await runFlow({
    runId: extra.runId ?? 'past',
    user: { id: 'u', name: 'Ann', email: 'ann@example.com' },
    flow: { id: 'f', version: 1, graph },
    trigger: { nodeId: 't', payload: { who: 'ann' }, type: 'manual' },
    endpoints: { get: async (id) => (id === 'ep' ? endpoint : undefined), getByName: async () => undefined },
    http,
    sink: (event) => void events.push(event),
    newId: () => `rec-${++ids}`,
    ...extra,
  });
  // The last record per step, as the database keeps them.
  const last = new Map<string, StepRecord>();
  for (const event of events) if (event.type === 'step') last.set(event.step.id, event.step);
  return { events, steps: [...last.values()] };
}

describe('re-running from a step', () => {
  it('runs the step and those after it with the current flow; the steps before it are not executed but replay their recorded outputs', async () => {
    const target = await countingTarget();
    const graph = threeSteps();
    const past = await run(target.url, graph);
    expect(['/a', '/b', '/c'].map(target.calls)).toEqual([1, 1, 1]);

    const again = await run(target.url, graph, { runId: 'again', rerun: { runId: 'past', from: { nodeId: 'b', steps: past.steps } } });

    // Nothing upstream executed: A was called once, by the past run.
    expect(['/a', '/b', '/c'].map(target.calls)).toEqual([1, 2, 2]);
    // B read A's recorded answer (n = 1), C read B's new one and the trigger's recorded body.
    expect(target.urls().slice(-2)).toEqual(['/b?n=1', '/c?n=2&who=ann']);
    const byNode = new Map(again.steps.map((step) => [step.nodeId, step]));
    expect(byNode.get('t')).toMatchObject({ status: 'succeeded', replayedFrom: 'past', exchanges: [], runId: 'again' });
    expect(byNode.get('a')).toMatchObject({ status: 'succeeded', replayedFrom: 'past', exchanges: [], outputs: past.steps.find((s) => s.nodeId === 'a')?.outputs });
    expect(byNode.get('b')).toMatchObject({ status: 'succeeded', replayedFrom: null });
    expect(byNode.get('b')?.exchanges).toHaveLength(1);
    expect(byNode.get('c')).toMatchObject({ status: 'succeeded', replayedFrom: null });
    const summary = again.events.filter((event) => event.type === 'run').at(-1);
    expect(summary?.type === 'run' && summary.run).toMatchObject({ id: 'again', status: 'succeeded', rerunOf: { runId: 'past', fromNodeId: 'b' } });
  });

  it('follows the branch a replayed Switch recorded, and skips steps on branches that are not re-run and did not succeed', async () => {
    const target = await countingTarget();
    const graph: FlowGraph = flowGraphSchema.parse({
      nodes: [
        trigger,
        call('a', 'A', '/a'),
        { id: 's', type: 'switch', position, data: { name: 'Route', config: { value: '{{A.body.n}}', cases: [{ id: 'one', value: '1' }] } } },
        call('x', 'X', '/x'),
        call('y', 'Y', '/y'),
        call('d', 'D', '/d?route={{Route.matched}}'),
      ],
      edges: [edge('t', 'a'), edge('a', 's'), edge('s', 'x', 'one'), edge('s', 'y', 'default'), edge('x', 'd'), edge('y', 'd')],
    });
    const past = await run(target.url, graph);
    expect(['/a', '/x', '/y', '/d'].map(target.calls)).toEqual([1, 1, 0, 1]);
    const again = await run(target.url, graph, { runId: 'again', rerun: { runId: 'past', from: { nodeId: 'd', steps: past.steps } } });
    expect(['/a', '/x', '/y', '/d'].map(target.calls)).toEqual([1, 1, 0, 2]);
    const status = new Map(again.steps.map((step) => [step.nodeId, [step.status, step.replayedFrom]]));
    expect(Object.fromEntries(status)).toEqual({
      t: ['succeeded', 'past'],
      a: ['succeeded', 'past'],
      s: ['succeeded', 'past'],
      x: ['succeeded', 'past'],
      y: ['skipped', null],
      d: ['succeeded', null],
    });
  });

  it('a plain re-run runs everything and says which run it re-runs', async () => {
    const target = await countingTarget();
    const graph = threeSteps();
    await run(target.url, graph);
    const again = await run(target.url, graph, { runId: 'again', rerun: { runId: 'past' } });
    expect(['/a', '/b', '/c'].map(target.calls)).toEqual([2, 2, 2]);
    const summary = again.events.filter((event) => event.type === 'run').at(-1);
    expect(summary?.type === 'run' && summary.run.rerunOf).toEqual({ runId: 'past', fromNodeId: null });
    expect(again.steps.every((step) => step.replayedFrom === null)).toBe(true);
  });

  it('refuses a step that is not in the flow', async () => {
    const target = await countingTarget();
    await expect(run(target.url, threeSteps(), { rerun: { runId: 'past', from: { nodeId: 'gone', steps: [] } } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(target.calls('/a')).toBe(0);
  });
});

describe('replayProblems', () => {
  const record = (nodeId: string, name: string, status: StepRecord['status'], outputs: StepRecord['outputs']): StepRecord => ({
    id: `r-${nodeId}`, runId: 'past', nodeId, stepType: 'http-request', name, status, startedAt: 'x', finishedAt: 'x', durationMs: 1,
    inputs: {}, outputs, exchanges: [], logs: [], error: null, attempt: 1, nextHandle: null, replayedFrom: null,
  });
  const triggerRecord = { ...record('t', 'Start', 'succeeded', { body: { who: 'ann' } }), stepType: 'manual-trigger' };
  const problemsFor = (graph: FlowGraph, fromNodeId: string, steps: StepRecord[]) =>
    replayProblems(graph, 't', { runId: 'past', from: { nodeId: fromNodeId, steps } }, compileFlow(graph)).map((p) => [p.stepName, p.field, p.message]);

  it('is empty when every replayed step the re-run reads has the output recorded', () => {
    const steps = [triggerRecord, record('a', 'A', 'succeeded', { status: 200, body: { n: 1 }, headers: {} })];
    expect(problemsFor(threeSteps(), 'b', steps)).toEqual([]);
  });

  it('names the references whose step has no succeeded record in the past run (added since, or failed there)', () => {
    expect(problemsFor(threeSteps(), 'b', [triggerRecord])).toEqual([['B', 'path', '{{A.body.n}} in Path: step "A" has no recorded outputs in run past (it was not in that run)']]);
    expect(problemsFor(threeSteps(), 'b', [triggerRecord, record('a', 'A', 'failed', null)])).toEqual([
      ['B', 'path', '{{A.body.n}} in Path: step "A" has no recorded outputs in run past (it ended failed there)'],
    ]);
  });

  it('names references to outputs the past record does not have, in the re-run step and the steps after it', () => {
    const steps = [triggerRecord, record('a', 'A', 'succeeded', { status: 200 })];
    expect(problemsFor(threeSteps('/b?n={{A.body.n}}&s={{A.status}}'), 'b', steps)).toEqual([['B', 'path', '{{A.body.n}} in Path: run past recorded no output "body" for step "A"']]);
  });

  it('finds a step re-created under another id by its name', () => {
    const steps = [triggerRecord, { ...record('old-a', 'A', 'succeeded', { status: 200, body: {}, headers: {} }) }];
    expect(problemsFor(threeSteps(), 'b', steps)).toEqual([]);
  });
});
