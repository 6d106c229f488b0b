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

async function newFlow(name = 'My flow') {
  return app.caller.flows.create({ workflowId: app.workflowId, name });
}

describe('flows', () => {
  it('creates, lists, renames and deletes flows', async () => {
    const flow = await newFlow('  Sync orders ');
    expect(flow).toMatchObject({ name: 'Sync orders', version: 1, graph: { nodes: [], edges: [] }, workflowId: app.workflowId });
    const renamed = await app.caller.flows.rename({ id: flow.id, name: 'Sync all orders' });
    expect(renamed).toMatchObject({ id: flow.id, name: 'Sync all orders', version: 1 });
    expect((await app.caller.flows.list({ workflowId: app.workflowId })).items.map((f) => f.name)).toEqual(['Sync all orders']);
    expect(await app.caller.flows.delete({ id: flow.id })).toEqual({ id: flow.id });
    expect((await app.caller.flows.list({ workflowId: app.workflowId })).items).toEqual([]);
    expect(await apiErrorOf(app.caller.flows.get({ id: flow.id }))).toMatchObject({ code: 'NOT_FOUND', trpcCode: 'NOT_FOUND' });
  });

  it('names the field when a flow name is empty', async () => {
    expect((await apiErrorOf(newFlow(' '))).issues).toEqual([{ path: 'name', message: 'Flow name is required' }]);
  });

  it('saves a graph, bumps the version and returns exactly what was saved', async () => {
    const endpoint = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'E', baseUrl: 'http://e.example', auth: { type: 'none' } });
    const flow = await newFlow();
    const saved = await app.caller.flows.save({ id: flow.id, version: 1, graph: chainGraph([{ id: 'a', name: 'Call', endpointId: endpoint.id }]) });
    expect(saved.version).toBe(2);
    const loaded = await app.caller.flows.get({ id: flow.id });
    expect(loaded).toEqual(saved);
    expect(loaded.graph.nodes[1]).toMatchObject({
      type: 'http-request',
      data: { name: 'Call', config: { endpointId: endpoint.id, method: 'GET', path: '/hello', headers: [], body: '', autoEncodeURI: true } },
    });
  });

  it('refuses a stale version with CONFLICT and keeps the newer graph', async () => {
    const flow = await newFlow();
    await app.caller.flows.save({ id: flow.id, version: 1, graph: chainGraph([{ id: 'a', name: 'First', endpointId: null }]) });
    const error = await apiErrorOf(app.caller.flows.save({ id: flow.id, version: 1, graph: chainGraph([]) }));
    expect(error).toMatchObject({ code: 'CONFLICT', trpcCode: 'CONFLICT', details: { currentVersion: 2, yourVersion: 1 } });
    expect((await app.caller.flows.get({ id: flow.id })).graph.nodes.map((n) => n.data.name)).toEqual(['Manual trigger', 'First']);
  });

  it('refuses a step that references a nonexistent endpoint, naming the node, and writes nothing', async () => {
    const flow = await newFlow();
    const error = await apiErrorOf(
      app.caller.flows.save({ id: flow.id, version: 1, graph: chainGraph([{ id: 'a', name: 'Ghost call', endpointId: 'no-such-endpoint' }]) }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'graph.nodes.1.data.config.endpointId', message: expect.stringContaining('Ghost call') }],
    });
    expect(await app.caller.flows.get({ id: flow.id })).toMatchObject({ version: 1, graph: { nodes: [] } });
  });

  it('refuses an endpoint of another workflow', async () => {
    const [other] = await app.sql.query("INSERT INTO workflows (id, name) VALUES ('other-wf', 'Other') RETURNING id");
    expect(other).toBeDefined();
    const foreign = await app.caller.endpoints.create({ workflowId: 'other-wf', name: 'Foreign', baseUrl: 'http://f.example', auth: { type: 'none' } });
    const flow = await newFlow();
    const error = await apiErrorOf(app.caller.flows.save({ id: flow.id, version: 1, graph: chainGraph([{ id: 'a', name: 'Cross', endpointId: foreign.id }]) }));
    expect(error.code).toBe('VALIDATION_FAILED');
  });

  it('reports graph problems with their paths', async () => {
    const flow = await newFlow();
    const graph = chainGraph([
      { id: 'a', name: 'Same', endpointId: null },
      { id: 'b', name: 'same', endpointId: null },
    ]);
    graph.edges.push({ id: 'loop', source: 'b', target: 'a' });
    const error = await apiErrorOf(app.caller.flows.save({ id: flow.id, version: 1, graph }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'graph.nodes.2.data.name', message: 'Another step is already named "same"' },
        { path: 'graph.edges', message: expect.stringContaining('loop') },
      ]),
    );
  });
});
