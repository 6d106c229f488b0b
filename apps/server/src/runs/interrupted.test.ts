import { createTestDatabase } from '@flowyard/db/testing';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { chainGraph } from '../testing/graphs';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { createTestApp } from '../testing/test-app';
import { startHookTestServer } from '../triggers/hook-test-server';
import { waitFor } from '../testing/wait-for';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

describe('a restart', () => {
  it('marks runs and steps left running by a stopped server as interrupted', async () => {
    const database = await createTestDatabase({ reopenable: true });
    cleanups.push(() => database.drop());
    const secretKey = randomBytes(32);

    // A target that never answers keeps the step running until the "crash".
    const target: TargetServer = await startTargetServer(() => undefined);
    cleanups.push(() => target.close());

    const first = await createTestApp({ database, secretKey });
    const endpoint = await first.caller.endpoints.create({ workflowId: first.workflowId, name: 'Slow', baseUrl: target.url, auth: { type: 'none' } });
    const flow = await first.caller.flows.create({ workflowId: first.workflowId, name: 'Slow flow' });
    await first.caller.flows.save({ id: flow.id, version: 1, graph: chainGraph([{ id: 'call', name: 'Wait forever', endpointId: endpoint.id }]) });
    const { runId } = await first.caller.runs.start({ flowId: flow.id, payload: {} });
    await waitFor(async () => {
      const { steps } = await first.caller.runs.get({ runId });
      return steps.some((s) => s.nodeId === 'call' && s.status === 'running') ? true : undefined;
    });

    // The process dies: the database goes away with the run in flight.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await first.store.close();
    await target.close();
    await first.services.runs.whenIdle();
    await first.http.close();

    const second = await createTestApp({ database, secretKey });
    cleanups.push(() => second.close());
    const { run, steps } = await second.caller.runs.get({ runId });
    const error = { code: 'RUN_INTERRUPTED', message: 'The server stopped while the run was in flight', details: {} };
    expect(run).toMatchObject({ status: 'interrupted', error });
    expect(run.finishedAt).not.toBeNull();
    expect(steps.find((s) => s.nodeId === 'call')).toMatchObject({ status: 'interrupted', error });
    expect(steps.every((s) => s.status !== 'running')).toBe(true);
  });
});

describe('a shutdown', () => {
  it('ends runs in flight interrupted with RUN_INTERRUPTED on the run and its running step, and ?wait=true answers 503 with it', async () => {
    const target: TargetServer = await startTargetServer(() => undefined);
    cleanups.push(() => target.close());
    const server = await startHookTestServer();
    cleanups.push(() => server.close());
    const endpoint = await server.app.caller.endpoints.create({ workflowId: server.app.workflowId, name: 'Slow', baseUrl: target.url, auth: { type: 'none' } });
    const position = { x: 0, y: 0 };
    const flowId = await server.flow('Slow', {
      nodes: [
        { id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } },
        { id: 'call', type: 'http-request', position, data: { name: 'Wait forever', config: { endpointId: endpoint.id, path: '/slow' } } },
      ],
      edges: [{ id: 'e', source: 'hook', target: 'call' }],
    });
    const { key } = await server.userWithKey('rest');
    const answer = server.fetch(`/hooks/${flowId}/hook?wait=true`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: '{}' });
    await waitFor(() => (target.requests.length > 0 ? true : undefined));

    await server.app.services.runs.stopAll(5_000);
    const response = await answer;
    const error = { code: 'RUN_INTERRUPTED', message: 'The server stopped while the run was in flight', details: {} };
    expect(response.status).toBe(503);
    const body = z.object({ runId: z.string(), status: z.string(), error: z.unknown() }).parse(await response.json());
    expect(body).toMatchObject({ status: 'interrupted', error });
    const { run, steps } = await server.app.caller.runs.get({ runId: body.runId });
    expect(run).toMatchObject({ status: 'interrupted', error });
    expect(steps.find((s) => s.nodeId === 'call')).toMatchObject({ status: 'interrupted', error });
  });
});
