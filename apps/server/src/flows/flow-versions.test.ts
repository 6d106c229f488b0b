import { flowGraphSchema } from '@flowyard/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainGraph } from '../testing/graphs';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';
import { createFlowsService } from './flows-service';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('flow versions', () => {
  it('every save keeps a version saying who, when and what changed, newest first', async () => {
    const { caller: dev, user } = await app.createUser('developer', 'Dev Eloper');
    const flow = await dev.flows.create({ workflowId: app.workflowId, name: 'Kept' });
    const one = await dev.flows.save({ id: flow.id, version: 1, graph: chainGraph([{ id: 'a', name: 'A', endpointId: null }]) });
    const two = await app.caller.flows.save({
      id: flow.id,
      version: one.version,
      graph: chainGraph([
        { id: 'a', name: 'A', endpointId: null, path: '/changed' },
        { id: 'b', name: 'B', endpointId: null },
        { id: 'c', name: 'C', endpointId: null },
      ]),
    });
    const { items, nextBefore } = await dev.flows.versions({ id: flow.id });
    expect(nextBefore).toBeNull();
    expect(items.map((v) => [v.version, v.savedBy.name, v.summary])).toEqual([
      [3, 'Admin', '1 step changed, 2 steps added, 2 connections changed'],
      [2, 'Dev Eloper', '2 steps added, 1 connection changed'],
      [1, 'Dev Eloper', 'Created'],
    ]);
    expect(items[1]?.savedBy.id).toBe(user.id);
    expect(items[0]?.savedAt).toBe(two.updatedAt);
    expect(items[0]).not.toHaveProperty('graph');
    // Paged by `before`.
    const page = await dev.flows.versions({ id: flow.id, limit: 2 });
    expect(page.items.map((v) => v.version)).toEqual([3, 2]);
    expect((await dev.flows.versions({ id: flow.id, before: page.nextBefore, limit: 2 })).items.map((v) => v.version)).toEqual([1]);
  });

  it('shows one version with its graph and restores it as a new version (over the current one only)', async () => {
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Restorable' });
    const first = await app.caller.flows.save({ id: flow.id, version: 1, graph: chainGraph([{ id: 'a', name: 'Original', endpointId: null }]) });
    const second = await app.caller.flows.save({ id: flow.id, version: first.version, graph: chainGraph([{ id: 'a', name: 'Edited', endpointId: null }]) });

    const shown = await app.caller.flows.version({ id: flow.id, version: 2 });
    expect(shown.graph).toEqual(first.graph);
    expect(await apiErrorOf(app.caller.flows.version({ id: flow.id, version: 99 }))).toMatchObject({ code: 'NOT_FOUND' });

    expect(await apiErrorOf(app.caller.flows.restore({ id: flow.id, version: 2, currentVersion: first.version }))).toMatchObject({ code: 'CONFLICT' });
    const restored = await app.caller.flows.restore({ id: flow.id, version: 2, currentVersion: second.version });
    expect(restored.version).toBe(4);
    expect(restored.graph).toEqual(first.graph);
    expect((await app.caller.flows.get({ id: flow.id })).graph.nodes.map((n) => n.data.name)).toEqual(['Manual trigger', 'Original']);
    const [newest] = (await app.caller.flows.versions({ id: flow.id })).items;
    expect(newest).toMatchObject({ version: 4, summary: 'Restored version 2', savedBy: { name: 'Admin' } });
  });

  it('a restore whose endpoint was deleted since is refused naming the step, and writes nothing', async () => {
    const endpoint = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Gone soon', baseUrl: 'http://gone.example', auth: { type: 'none' } });
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Uses it' });
    const used = await app.caller.flows.save({ id: flow.id, version: 1, graph: chainGraph([{ id: 'a', name: 'Call', endpointId: endpoint.id }]) });
    const freed = await app.caller.flows.save({ id: flow.id, version: used.version, graph: chainGraph([]) });
    await app.caller.endpoints.delete({ id: endpoint.id });
    const error = await apiErrorOf(app.caller.flows.restore({ id: flow.id, version: used.version, currentVersion: freed.version }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('"Call"') });
    expect((await app.caller.flows.versions({ id: flow.id })).items).toHaveLength(3);
  });

  it('keeps the newest 100 versions per flow by default, and as many as configured', async () => {
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Busy' });
    let version = flow.version;
    for (let i = 0; i < 102; i++) version = (await app.caller.flows.save({ id: flow.id, version, graph: chainGraph([{ id: 'a', name: `Step ${i}`, endpointId: null }]) })).version;
    const kept = (await app.caller.flows.versions({ id: flow.id, limit: 100 })).items.map((v) => v.version);
    expect(kept).toHaveLength(100);
    expect(kept[0]).toBe(103);
    expect(kept.at(-1)).toBe(4);
    expect((await app.caller.flows.versions({ id: flow.id, before: 4 })).items).toEqual([]);

    const three = createFlowsService({ store: app.store, secretBox: app.secretBox, providers: app.providers, now: () => new Date(), newId: () => crypto.randomUUID() }, app.services.workflows, {
      versionsToKeep: 3,
    });
    await three.save({ id: flow.id, version, graph: flowGraphSchema.parse(chainGraph([])) }, null);
    expect((await three.versions({ id: flow.id, limit: 10 })).items.map((v) => [v.version, v.savedBy.name])).toEqual([
      [104, 'Flowyard'],
      [103, 'Admin'],
      [102, 'Admin'],
    ]);
  });

  it('a duplicate copies the graph and bindings under "Name (copy)", with a version of its own', async () => {
    const endpoint = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'API', baseUrl: 'http://api.example', auth: { type: 'none' } });
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Original' });
    const saved = await app.caller.flows.save({ id: flow.id, version: 1, graph: chainGraph([{ id: 'a', name: 'Call', endpointId: endpoint.id }]) });
    await app.caller.flows.setEnabled({ id: flow.id, enabled: false });

    const copy = await app.caller.flows.duplicate({ id: flow.id });
    expect(copy).toMatchObject({ name: 'Original (copy)', version: 1, enabled: true, graph: saved.graph });
    expect(copy.id).not.toBe(flow.id);
    expect((await app.caller.flows.duplicate({ id: flow.id })).name).toBe('Original (copy 2)');
    expect((await app.caller.flows.duplicate({ id: flow.id, name: ' Mine ' })).name).toBe('Mine');
    expect((await app.caller.endpoints.usage({ id: endpoint.id })).items.map((u) => (u.kind === 'step' ? u.flowName : '')).sort()).toEqual(['Mine', 'Original', 'Original (copy 2)', 'Original (copy)']);
    expect((await app.caller.flows.versions({ id: copy.id })).items).toMatchObject([{ version: 1, summary: 'Copied from "Original"' }]);
    expect(await apiErrorOf(app.caller.flows.duplicate({ id: 'nope' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('versions and restore need flows.edit', async () => {
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Guarded' });
    const { caller: rest } = await app.createUser('rest');
    expect(await apiErrorOf(rest.flows.versions({ id: flow.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await apiErrorOf(rest.flows.restore({ id: flow.id, version: 1, currentVersion: 1 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await apiErrorOf(rest.flows.setEnabled({ id: flow.id, enabled: false }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
