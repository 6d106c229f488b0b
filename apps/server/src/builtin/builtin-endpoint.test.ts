import { endpointNameKey } from '@flowyard/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../compose';
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
