import { testDialect } from '@flowyard/db/testing';
import { endpointNameKey } from '@flowyard/engine';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../compose';
import { customChainGraph } from '../testing/graphs';
import { apiErrorOf, createTestApp, testAdminPassword, type TestApp } from '../testing/test-app';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ publicUrl: 'https://flowyard.example.com/' });
});
afterEach(() => app.close());

const builtin = async () => {
  const [first] = await app.caller.endpoints.list({ workflowId: app.workflowId });
  if (first === undefined) throw new Error('no endpoints');
  return first;
};

describe('the built-in Flowyard endpoint', () => {
  it('is in every workflow, listed first, targeting the public URL, with Flowyard authentication', async () => {
    await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Alpha', baseUrl: 'https://alpha.example.com', auth: { type: 'none' } });
    const list = await app.caller.endpoints.list({ workflowId: app.workflowId });
    expect(list.map((endpoint) => [endpoint.name, endpoint.builtIn])).toEqual([
      ['Flowyard', true],
      ['Alpha', false],
    ]);
    expect(list[0]).toMatchObject({ baseUrl: 'https://flowyard.example.com', auth: { type: 'flowyard' }, needsCredentials: false });
  });

  it('cannot be deleted or renamed, nor its base URL changed (FORBIDDEN); saving it unchanged works', async () => {
    const endpoint = await builtin();
    const deleted = await apiErrorOf(app.caller.endpoints.delete({ id: endpoint.id }));
    expect(deleted).toMatchObject({ code: 'FORBIDDEN', trpcCode: 'FORBIDDEN', message: 'The built-in Flowyard endpoint cannot be deleted' });

    const same = { id: endpoint.id, name: endpoint.name, baseUrl: endpoint.baseUrl, auth: { type: 'flowyard' as const } };
    for (const name of ['Flowyard API', 'flowyard']) {
      const renamed = await apiErrorOf(app.caller.endpoints.update({ ...same, name }));
      expect(renamed).toMatchObject({ code: 'FORBIDDEN', issues: [{ path: 'name', message: 'The built-in Flowyard endpoint cannot be renamed' }] });
    }
    const moved = await apiErrorOf(app.caller.endpoints.update({ ...same, baseUrl: 'https://elsewhere.example.com' }));
    expect(moved).toMatchObject({ code: 'FORBIDDEN', issues: [{ path: 'baseUrl' }] });
    const retyped = await apiErrorOf(app.caller.endpoints.update({ ...same, auth: { type: 'none' } }));
    expect(retyped.code).toBe('AUTH_TYPE_IMMUTABLE');

    expect(await app.caller.endpoints.update({ ...same, trustSelfSigned: true })).toMatchObject({ name: 'Flowyard', builtIn: true, trustSelfSigned: true });
    expect(await builtin()).toMatchObject({ id: endpoint.id, name: 'Flowyard' });
  });

  it('keeps its name and authentication to itself', async () => {
    const taken = await apiErrorOf(app.caller.endpoints.create({ workflowId: app.workflowId, name: 'FLOWYARD', baseUrl: 'https://x.example.com', auth: { type: 'none' } }));
    expect(taken).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'name' }] });
    const created = await apiErrorOf(app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Mine', baseUrl: 'https://x.example.com', auth: { type: 'flowyard' } }));
    expect(created).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'auth.type' }] });
    const other = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Other', baseUrl: 'https://x.example.com', auth: { type: 'none' } });
    const switched = await apiErrorOf(app.caller.endpoints.update({ id: other.id, name: 'Other', baseUrl: 'https://x.example.com', auth: { type: 'flowyard' } }));
    expect(switched).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'auth.type' }] });
  });

  it('lists as its usage the Find User steps and the instances of Flowyard-type custom steps, in one order, a page at a time', async () => {
    const endpoint = await builtin();
    expect(endpoint.usageCount).toBe(0);
    const step = (name: string, endpointType: 'any' | 'flowyard') =>
      app.caller.customSteps.create({
        workflowId: app.workflowId,
        step: { name, icon: 'user', inputs: [], outputs: [], includeEndpoint: true, endpointType, endpointLabel: 'Api', script: 'return 1;' },
      });
    const reader = await step('Read user', 'flowyard');
    const other = await step('Any API', 'any');
    const alpha = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Alpha', baseUrl: 'https://alpha.example.com', auth: { type: 'none' } });
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'People' });
    const graph = customChainGraph([
      { id: 'read', name: 'B read', customStepId: reader.id },
      { id: 'other', name: 'C other', customStepId: other.id, endpointId: alpha.id },
    ]);
    graph.nodes.push(
      { id: 'find', type: 'find-user', position: { x: 0, y: 0 }, data: { name: 'A find', config: { search: 'lee' } } },
      { id: 'find2', type: 'find-user', position: { x: 0, y: 0 }, data: { name: 'D find', config: { search: 'sam' } } },
    );
    await app.caller.flows.save({ id: flow.id, version: flow.version, graph });
    const copy = await app.caller.flows.duplicate({ id: flow.id, name: 'Copy' });

    const first = await app.caller.endpoints.usage({ id: endpoint.id, limit: 3 });
    const rest = await app.caller.endpoints.usage({ id: endpoint.id, limit: 3, cursor: first.nextCursor });
    const use = (flowId: string, flowName: string, nodeId: string, stepName: string) => ({ kind: 'step', flowId, flowName, nodeId, stepName });
    expect([...first.items, ...rest.items]).toEqual([
      use(copy.id, 'Copy', 'find', 'A find'),
      use(copy.id, 'Copy', 'read', 'B read'),
      use(copy.id, 'Copy', 'find2', 'D find'),
      use(flow.id, 'People', 'find', 'A find'),
      use(flow.id, 'People', 'read', 'B read'),
      use(flow.id, 'People', 'find2', 'D find'),
    ]);
    expect(first).toMatchObject({ total: 6, counts: { step: 6, script: 0 } });
    expect(rest.nextCursor).toBeNull();
    expect((await builtin()).usageCount).toBe(6);
    expect((await app.caller.endpoints.get({ id: endpoint.id })).usageCount).toBe(6);
    // The other endpoint keeps its own usage; the built-in one stays undeletable.
    expect((await app.caller.endpoints.usage({ id: alpha.id, limit: 10 })).items.map((item) => item.kind === 'step' && item.stepName)).toEqual(['C other', 'C other']);
    expect((await apiErrorOf(app.caller.endpoints.delete({ id: endpoint.id }))).code).toBe('FORBIDDEN');

    // A custom step whose type changes leaves (or joins) the built-in endpoint's usage at once.
    await app.caller.customSteps.update({ id: reader.id, step: { ...reader.step, endpointType: 'any' } });
    expect((await builtin()).usageCount).toBe(4);
  });

  it('finds the Find User steps saved before flow saves indexed them, by the migration that backfills them', async () => {
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Older' });
    const graph = customChainGraph([]);
    graph.nodes.push({ id: 'find', type: 'find-user', position: { x: 0, y: 0 }, data: { name: 'Find', config: { search: 'lee' } } });
    await app.caller.flows.save({ id: flow.id, version: flow.version, graph });
    // As a database from before: the flow holds the step, the index does not.
    await app.sql.query('DELETE FROM endpoint_refs');
    expect((await builtin()).usageCount).toBe(0);

    const migration = testDialect() === 'postgres' ? 'pg/0007_builtin_find_user_refs.sql' : 'sqlite/0012_builtin_find_user_refs.sql';
    await app.sql.query(readFileSync(new URL(`../../../../packages/db/migrations/${migration}`, import.meta.url), 'utf8'));
    expect((await app.caller.endpoints.usage({ id: (await builtin()).id, limit: 10 })).items).toEqual([{ kind: 'step', flowId: flow.id, flowName: 'Older', nodeId: 'find', stepName: 'Find' }]);
  });

  it('outside a run has no credential: Test request says so without sending anything', async () => {
    const result = await app.caller.endpoints.testRequest({ id: (await builtin()).id, path: '/api/v1/users' });
    expect(result).toMatchObject({ exchanges: [], response: null, error: { code: 'AUTH_FAILED', message: expect.stringContaining('only inside a run') } });
  });

  it('is created at start for workflows without one (renaming an older endpoint of that name) and stays single', async () => {
    await app.store.repos.workflows.insert({ id: 'wf-old', name: 'Older' });
    const at = new Date().toISOString();
    await app.store.repos.endpoints.insert({
      id: 'ep-old', workflowId: 'wf-old', name: 'Flowyard', nameKey: endpointNameKey('Flowyard'), baseUrl: 'https://old.example.com',
      trustSelfSigned: false, authType: 'none', authConfig: {}, secrets: null, needsCredentials: false, createdAt: at, updatedAt: at,
    });
    await bootstrap(app.services, { adminPassword: testAdminPassword });
    await bootstrap(app.services, { adminPassword: testAdminPassword });
    expect((await app.caller.endpoints.list({ workflowId: 'wf-old' })).map((endpoint) => [endpoint.name, endpoint.builtIn, endpoint.baseUrl])).toEqual([
      ['Flowyard', true, 'https://flowyard.example.com'],
      ['Flowyard (custom)', false, 'https://old.example.com'],
    ]);
    expect((await app.caller.endpoints.list({ workflowId: app.workflowId })).filter((endpoint) => endpoint.builtIn)).toHaveLength(1);
  });
});
