import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { flowGraphSchema, type FlowGraph } from '../flow/flow-graph';
import { createHttpClient } from '../http/http-client';
import type { RunEvent, StepRecord } from '../run/run-record';
import { startLocalServer, type LocalHandler, type LocalServer } from '../testing/local-server';
import { runFlow, type RunFlowOptions } from './run-flow';
import type { RunResume } from './run-resume';

const http = createHttpClient();
afterAll(() => http.close());
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const position = { x: 0, y: 0 };
const call = (id: string, name: string, path: string) => ({ id, type: 'http-request', position, data: { name, config: { endpointId: 'ep', path } } });
const edge = (source: string, target: string, sourceHandle: string | null = null) => ({ id: `${source}->${target}`, source, target, sourceHandle });

// Start → A → Route (on A's answer) → B (case "b") or C (default) → D, which reads A's answer and the route.
const graph: FlowGraph = flowGraphSchema.parse({
  nodes: [
    { id: 't', type: 'manual-trigger', position, data: { name: 'Start', config: {} } },
    call('a', 'A', '/a'),
    { id: 's', type: 'switch', position, data: { name: 'Route', config: { value: '{{A.body.kind}}', cases: [{ id: 'to-b', value: 'b' }] } } },
    call('b', 'B', '/b'),
    call('c', 'C', '/c'),
    call('d', 'D', '/d?id={{A.body.id}}&route={{Route.matched}}'),
  ],
  edges: [edge('t', 'a'), edge('a', 's'), edge('s', 'b', 'to-b'), edge('s', 'c', 'default'), edge('b', 'd'), edge('c', 'd')],
});

/**
 * The target: A answers kind "b" and id "first" the first time, kind "c" and id "second" after
 * (so a repeated A would show in D's path and send the Switch elsewhere). B's first call hangs
 * until the run is cut off, as when its worker dies; later calls answer.
 */
async function target(hangFirstB = true): Promise<LocalServer & { calls: (path: string) => number }> {
  let aCalls = 0;
  let bCalls = 0;
  const handler: LocalHandler = (req, res) => {
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/a') {
      aCalls++;
      res.end(JSON.stringify(aCalls === 1 ? { kind: 'b', id: 'first' } : { kind: 'c', id: 'second' }));
    } else if (req.url === '/b' && ++bCalls === 1 && hangFirstB) {
      // Never answered: the client gives up when the run is aborted.
    } else {
      res.end('{}');
    }
  };
  const server = await startLocalServer(handler);
  servers.push(server);
  return Object.assign(server, { calls: (path: string) => server.requests.filter((r) => r.url.split('?')[0] === path).length });
}

let ids = 0;
function options(baseUrl: string, sink: (event: RunEvent) => void, extra: Partial<RunFlowOptions> = {}): RunFlowOptions {
  const endpoint: ResolvedEndpoint = { id: 'ep', name: 'Target', baseUrl, trustSelfSigned: false, auth: { type: 'none' } };
  return {
    runId: 'run-1',
    user: { id: 'u', name: 'Ann', email: 'ann@example.com' },
    flow: { id: 'f', version: 1, graph },
    trigger: { nodeId: 't', payload: { who: 'ann' }, type: 'manual' },
    endpoints: { get: async (id) => (id === 'ep' ? endpoint : undefined), getByName: async () => undefined },
    http,
    sink,
    newId: () => `rec-${++ids}`,
    ...extra,
  };
}

/**
 * Attempt 1, stopped as a dying worker stops it: once B is in flight (and C recorded not taken),
 * the records stored so far (the last per record id, as the database keeps them) are what a
 * second worker finds.
 */
async function firstAttemptCutOffInB(server: Awaited<ReturnType<typeof target>>): Promise<{ stored: StepRecord[]; startedAt: string }> {
  const stored = new Map<string, StepRecord>();
  let startedAt = '';
  const controller = new AbortController();
  let snapshot: StepRecord[] | undefined;
  const sink = (event: RunEvent): void => {
    if (snapshot !== undefined) return;
    if (event.type === 'run') startedAt = event.run.startedAt;
    else stored.set(event.step.id, event.step);
    const status = (nodeId: string) => [...stored.values()].find((step) => step.nodeId === nodeId)?.status;
    if (status('b') === 'running' && status('c') === 'skipped') {
      snapshot = [...stored.values()];
      // The worker dies once B's request has reached the target.
      void until(() => server.calls('/b') === 1).then(() => controller.abort());
    }
  };
  await runFlow(options(server.url, sink, { abortController: controller }));
  if (snapshot === undefined) throw new Error('attempt 1 never had B in flight');
  return { stored: snapshot, startedAt };
}

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function resume(server: LocalServer, resumeWith: RunResume) {
  const events: RunEvent[] = [];
  const summary = await runFlow(options(server.url, (event) => void events.push(event), { resume: resumeWith }));
  const steps = events.flatMap((event) => (event.type === 'step' ? [event.step] : []));
  const byNode = (nodeId: string) => steps.filter((step) => step.nodeId === nodeId);
  return { summary, events, steps, byNode };
}

describe('runFlow resuming a run taken over from a stopped worker', () => {
  it('runs only the step that was in flight and those after it; finished steps feed it from their records', async () => {
    const server = await target();
    const first = await firstAttemptCutOffInB(server);
    expect(Object.fromEntries(first.stored.map((step) => [step.name, step.status]))).toEqual({ Start: 'succeeded', A: 'succeeded', Route: 'succeeded', B: 'running', C: 'skipped' });
    // The Switch's record keeps the branch it chose; other steps follow every edge.
    expect(first.stored.find((step) => step.name === 'Route')).toMatchObject({ nextHandle: 'to-b', attempt: 1 });
    expect(first.stored.find((step) => step.name === 'A')).toMatchObject({ nextHandle: null, attempt: 1 });

    const { summary, steps, byNode } = await resume(server, { attempt: 2, maxAttempts: 3, startedAt: first.startedAt, steps: first.stored });

    expect(summary).toMatchObject({ status: 'succeeded', attempt: 2, startedAt: first.startedAt, error: null });
    // A ran once in all (attempt 1), B twice (its first call never answered), C never, D once.
    expect(['/a', '/b', '/c', '/d'].map(server.calls)).toEqual([1, 2, 0, 1]);
    // D resolved A's recorded answer and the Switch's recorded match, not a fresh call's.
    expect(server.requests.find((r) => r.url.startsWith('/d'))?.url).toBe('/d?id=first&route=b');
    // Only B and D have new records, and B's replaces attempt 1's (same id).
    expect(new Set(steps.map((step) => step.name))).toEqual(new Set(['B', 'D']));
    const bBefore = first.stored.find((step) => step.nodeId === 'b');
    expect(byNode('b').map((step) => [step.id, step.status, step.attempt])).toEqual([
      [bBefore?.id, 'running', 2],
      [bBefore?.id, 'succeeded', 2],
    ]);
    expect(byNode('d').at(-1)).toMatchObject({ status: 'succeeded', attempt: 2, inputs: { path: '/d?id=first&route=b' } });
  });

  it('records a not-taken step that attempt 1 had not recorded yet, as attempt 2', async () => {
    const server = await target();
    const first = await firstAttemptCutOffInB(server);
    const { summary, byNode } = await resume(server, { attempt: 2, maxAttempts: 3, startedAt: first.startedAt, steps: first.stored.filter((step) => step.nodeId !== 'c') });
    expect(summary.status).toBe('succeeded');
    expect(byNode('c')).toEqual([expect.objectContaining({ status: 'skipped', attempt: 2 })]);
    expect(server.calls('/c')).toBe(0);
  });

  it('runs everything when attempt 1 recorded no step yet', async () => {
    const server = await target(false);
    const { summary, steps, byNode } = await resume(server, { attempt: 2, maxAttempts: 3, startedAt: '2024-01-01T00:00:00.000Z', steps: [] });
    expect(summary).toMatchObject({ status: 'succeeded', attempt: 2, startedAt: '2024-01-01T00:00:00.000Z' });
    expect(['/a', '/b', '/c', '/d'].map(server.calls)).toEqual([1, 1, 0, 1]);
    expect(steps.every((step) => step.attempt === 2)).toBe(true);
    expect(['t', 'a', 's', 'b', 'c', 'd'].map((nodeId) => byNode(nodeId).at(-1)?.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded', 'skipped', 'succeeded']);
  });

  it('keeps a recorded failure: the run fails with it again and nothing after it runs', async () => {
    const server = await target();
    const failedA: StepRecord = {
      id: 'a-1', runId: 'run-1', nodeId: 'a', stepType: 'http-request', name: 'A', status: 'failed', startedAt: '2024-01-01T00:00:00.000Z',
      finishedAt: '2024-01-01T00:00:01.000Z', durationMs: 1000, inputs: {}, outputs: null, exchanges: [], logs: [],
      error: { code: 'HTTP_TIMEOUT', message: 'No answer within 30 s', details: {} }, attempt: 1, nextHandle: null, replayedFrom: null,
    };
    const trigger: StepRecord = { ...failedA, id: 't-1', nodeId: 't', stepType: 'manual-trigger', name: 'Start', status: 'succeeded', outputs: { body: { who: 'ann' } }, error: null };
    const { summary, steps } = await resume(server, { attempt: 2, maxAttempts: 3, startedAt: failedA.startedAt, steps: [trigger, failedA] });
    expect(summary).toMatchObject({ status: 'failed', attempt: 2, error: { code: 'HTTP_TIMEOUT', details: { step: 'A', nodeId: 'a' } } });
    expect(server.requests).toEqual([]);
    expect(new Set(steps.map((step) => `${step.name} ${step.status} ${step.attempt}`))).toEqual(new Set(['Route skipped 2', 'B skipped 2', 'C skipped 2', 'D skipped 2']));
  });

  it('once the attempts ran out, runs nothing and ends the run and the step in flight interrupted with RUN_INTERRUPTED', async () => {
    const server = await target();
    const first = await firstAttemptCutOffInB(server);
    const requestsBefore = server.requests.length;
    const { summary, events } = await resume(server, { attempt: 4, maxAttempts: 3, startedAt: first.startedAt, steps: first.stored });

    const error = { code: 'RUN_INTERRUPTED', message: 'The run was interrupted 3 times; it was stopped after 3 attempts', details: { attempts: 3 } };
    expect(server.requests.length).toBe(requestsBefore);
    const bBefore = first.stored.find((step) => step.nodeId === 'b');
    expect(events).toEqual([
      { type: 'step', step: { ...bBefore, status: 'interrupted', finishedAt: expect.any(String), error } },
      { type: 'run', run: summary },
    ]);
    expect(summary).toMatchObject({ status: 'interrupted', attempt: 3, startedAt: first.startedAt, error });
    expect(summary.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('leaves the records of finished steps as they are when the attempt is stopped before it runs anything', async () => {
    const server = await target();
    const first = await firstAttemptCutOffInB(server);
    const requestsBefore = server.requests.length;
    const stopped = new AbortController();
    stopped.abort();
    const events: RunEvent[] = [];
    const resumeWith: RunResume = { attempt: 2, maxAttempts: 3, startedAt: first.startedAt, steps: first.stored };
    const summary = await runFlow(options(server.url, (event) => void events.push(event), { resume: resumeWith, signal: stopped.signal }));
    expect(summary).toMatchObject({ status: 'interrupted', attempt: 2, error: { code: 'RUN_INTERRUPTED' } });
    expect(server.requests.length).toBe(requestsBefore);
    // Start, A and Route keep their succeeded records, C its skip; B (never finished) and D are skipped now, so a next attempt runs them.
    const written = events.flatMap((event) => (event.type === 'step' ? [`${event.step.id} ${event.step.name} ${event.step.status} ${event.step.attempt}`] : []));
    const bBefore = first.stored.find((step) => step.nodeId === 'b');
    expect(written).toEqual([`${bBefore?.id} B skipped 2`, expect.stringMatching(/^rec-\d+ D skipped 2$/)]);
  });

  it('says "1 time" when one attempt was allowed', async () => {
    const server = await target();
    const { summary } = await resume(server, { attempt: 2, maxAttempts: 1, startedAt: '2024-01-01T00:00:00.000Z', steps: [] });
    expect(summary).toMatchObject({ status: 'interrupted', attempt: 1, error: { message: 'The run was interrupted 1 time; it was stopped after 1 attempt' } });
    expect(server.requests).toEqual([]);
  });

  it('refuses an attempt number that is not a whole number of at least 1', async () => {
    const server = await target();
    await expect(resume(server, { attempt: 0, maxAttempts: 3, startedAt: '2024-01-01T00:00:00.000Z', steps: [] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'resume.attempt' }],
    });
    expect(server.requests).toEqual([]);
  });
});
