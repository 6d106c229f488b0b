import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { startHookTestServer, type HookTestServer } from './hook-test-server';

const position = { x: 0, y: 0 };
let server: HookTestServer;
let target: TargetServer;
let release: () => void = () => {};
beforeAll(async () => {
  // The target answers only when the test says so: the run is still going when the wait ends.
  target = await startTargetServer((_req, res) => {
    release = () => {
      if (!res.headersSent) res.writeHead(200, { 'content-type': 'application/json' }).end('{"late":true}');
    };
  });
  server = await startHookTestServer({ triggers: { waitMs: 200, maxBodyBytes: 64 } });
});
afterAll(async () => {
  release();
  await server.close();
  await target.close();
});

describe('HTTP trigger limits', () => {
  it('?wait=true gives up after its bound with 202 and the run id; the run goes on', async () => {
    const endpoint = await server.app.caller.endpoints.create({ workflowId: server.app.workflowId, name: 'Slow', baseUrl: target.url, auth: { type: 'none' } });
    const flowId = await server.flow('Slow', {
      nodes: [
        { id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } },
        { id: 'call', type: 'http-request', position, data: { name: 'Call', config: { endpointId: endpoint.id, path: '/slow' } } },
      ],
      edges: [{ id: 'e', source: 'hook', target: 'call' }],
    });
    const { key } = await server.userWithKey('rest');
    const response = await server.fetch(`/hooks/${flowId}/hook?wait=true`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(202);
    const { runId, status } = z.object({ runId: z.string(), status: z.string() }).parse(await response.json());
    expect(status).toBe('running');
    release();
    await server.app.services.runs.whenIdle();
    const { run, steps } = await server.app.caller.runs.get({ runId });
    expect(run.status).toBe('succeeded');
    expect(steps.find((step) => step.nodeId === 'call')?.outputs).toMatchObject({ body: { late: true } });

    const big = await server.fetch(`/hooks/${flowId}/hook`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'text/plain' }, body: 'x'.repeat(65) });
    expect(big.status).toBe(413);
    expect((await server.app.caller.runs.list({ flowId })).items).toHaveLength(1);
  });
});
