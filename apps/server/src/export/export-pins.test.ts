import { checkExportFile } from '@flowyard/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainGraph } from '../testing/graphs';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('export of pins and On failure', () => {
  it('keeps a flow’s pins and step failure policies in the file, which reads back as valid', async () => {
    const secret = 'pw-pin-export-7731';
    const endpoint = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Orders', baseUrl: 'http://127.0.0.1:9', auth: { type: 'basic', username: 'u', password: secret } });
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Pinned' });
    const graph = chainGraph([{ id: 'call', name: 'Call', endpointId: endpoint.id }]);
    const nodes = graph.nodes.map((node) => (node.type === 'http-request' ? { ...node, data: { ...node.data, onFailure: { mode: 'retry' as const, maxTries: 4, delayMs: 500 } } } : node));
    const pins = { call: { outputs: { status: 200, body: { id: 7 } }, runId: null, pinnedAt: '2026-12-05T08:00:00.000Z' } };
    await app.caller.flows.save({ id: flow.id, version: flow.version, graph: { ...graph, nodes, pins } });

    const file = await app.caller.workflows.export({ workflowId: app.workflowId });
    const exported = file.flows.find((f) => f.name === 'Pinned');
    expect(exported?.graph.pins).toEqual(pins);
    expect(exported?.graph.nodes.find((n) => n.id === 'call')?.data).toMatchObject({ onFailure: { mode: 'retry', maxTries: 4, delayMs: 500 } });
    expect(JSON.stringify(file)).not.toContain(secret);
    expect(checkExportFile(JSON.stringify(file))).toMatchObject({ ok: true });
  });

  it('refuses a save whose pin is over the bounds, naming the field', async () => {
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Too big' });
    const graph = chainGraph([{ id: 'call', name: 'Call', endpointId: null }]);
    const pins = { call: { outputs: { body: 'x'.repeat(300 * 1024) }, runId: null, pinnedAt: '2026-12-05T08:00:00.000Z' } };
    const refused = await apiErrorOf(app.caller.flows.save({ id: flow.id, version: flow.version, graph: { ...graph, pins } }));
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'graph.pins.call.outputs', message: expect.stringMatching(/256 KiB/) }] });
  });
});
