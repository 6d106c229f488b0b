import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { startHookTestServer, type HookTestServer } from './hook-test-server';

const position = { x: 0, y: 0 };
let server: HookTestServer;
let target: TargetServer;
beforeAll(async () => {
  target = await startTargetServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"live":true}'));
  server = await startHookTestServer();
});
afterAll(async () => {
  await server.close();
  await target.close();
});

describe('pins and HTTP triggers', () => {
  it('a call to the trigger’s URL runs the pinned step for real; the Run button takes the pin', async () => {
    const endpoint = await server.app.caller.endpoints.create({ workflowId: server.app.workflowId, name: 'Live', baseUrl: target.url, auth: { type: 'none' } });
    const flowId = await server.flow('Pinned hook', {
      nodes: [
        { id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } },
        { id: 'call', type: 'http-request', position, data: { name: 'Call', config: { endpointId: endpoint.id, path: '/live' } } },
      ],
      edges: [{ id: 'e', source: 'hook', target: 'call' }],
      pins: { call: { outputs: { body: { live: false } }, runId: null, pinnedAt: '2026-12-05T08:00:00.000Z' } },
    });
    const { key } = await server.userWithKey('rest');
    const response = await server.fetch(`/hooks/${flowId}/hook?wait=true`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(200);
    const { runId: manualRunId } = await server.app.caller.runs.start({ flowId, payload: {} });
    await server.app.services.runs.whenIdle();

    const { items } = await server.app.caller.runs.list({ flowId });
    const byTrigger = new Map(items.map((run) => [run.trigger.type, run.id]));
    const hookRun = await server.app.caller.runs.get({ runId: byTrigger.get('http') ?? '' });
    expect(hookRun.steps.find((step) => step.nodeId === 'call')).toMatchObject({ outputs: { body: { live: true } } });
    expect(hookRun.steps.find((step) => step.nodeId === 'call')?.pinned).toBeUndefined();
    const manualRun = await server.app.caller.runs.get({ runId: manualRunId });
    expect(manualRun.steps.find((step) => step.nodeId === 'call')).toMatchObject({ pinned: true, outputs: { body: { live: false } } });
    expect(target.requests).toHaveLength(1);
  });
});
