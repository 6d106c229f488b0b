import { FlowyardError } from '@flowyard/engine';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../secrets/secret-box';
import { createEndpointResolver } from './endpoint-resolver';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';
import { chainGraph } from '../testing/graphs';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

const basic = (password?: string) => ({ type: 'basic' as const, username: 'svc', ...(password === undefined ? {} : { password }) });

async function createEndpoint(name = 'Orders API', auth: { type: 'none' } | ReturnType<typeof basic> = { type: 'none' }) {
  return app.caller.endpoints.create({ workflowId: app.workflowId, name, baseUrl: 'https://orders.example.com/api/', auth });
}

describe('endpoint validation', () => {
  it.each([
    ['not a url', /absolute URL starting with http:\/\/ or https:\/\//],
    ['ftp://files.example.com', /must start with http:\/\/ or https:\/\/ \(not ftp:\/\/\)/],
    ['https://user:pass@example.com', /must not contain a username or password/],
    ['https://example.com/api?key=1', /must not contain a query string/],
    ['https://example.com/api#top', /must not contain a fragment/],
    ['', /Base URL is required/],
  ])('rejects base URL %j with a message on baseUrl', async (baseUrl, message) => {
    const error = await apiErrorOf(app.caller.endpoints.create({ workflowId: app.workflowId, name: 'X', baseUrl, auth: { type: 'none' } }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.trpcCode).toBe('BAD_REQUEST');
    expect(error.issues[0]).toEqual({ path: 'baseUrl', message: expect.stringMatching(message) });
    expect(error.issues.every((issue) => issue.path === 'baseUrl')).toBe(true);
    expect((await app.caller.endpoints.list({ workflowId: app.workflowId })).map((e) => e.name)).toEqual(['Flowyard']);
  });

  it('rejects an empty or blank name on name, and a missing Basic username on auth.username', async () => {
    for (const name of ['', '   ']) {
      const error = await apiErrorOf(app.caller.endpoints.create({ workflowId: app.workflowId, name, baseUrl: 'https://a.example', auth: { type: 'none' } }));
      expect(error.issues).toEqual([{ path: 'name', message: 'Name is required' }]);
    }
    const error = await apiErrorOf(
      app.caller.endpoints.create({ workflowId: app.workflowId, name: 'A', baseUrl: 'https://a.example', auth: { type: 'basic', username: '', password: 'x' } }),
    );
    expect(error.issues).toEqual([{ path: 'auth.username', message: 'Username is required' }]);
  });

  it('requires a password when a Basic endpoint is created', async () => {
    const error = await apiErrorOf(createEndpoint('A', basic()));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'auth.password', message: 'Password is required' }] });
  });

  it('allows trust self-signed only for https base URLs', async () => {
    const error = await apiErrorOf(
      app.caller.endpoints.create({ workflowId: app.workflowId, name: 'A', baseUrl: 'http://a.example', trustSelfSigned: true, auth: { type: 'none' } }),
    );
    expect(error.issues).toEqual([{ path: 'trustSelfSigned', message: expect.stringContaining('https://') }]);
  });

  it('normalises the base URL and keeps any name characters', async () => {
    const created = await createEndpoint(`  Ünïcode "quoted" name  `);
    expect(created).toMatchObject({ name: 'Ünïcode "quoted" name', baseUrl: 'https://orders.example.com/api', usageCount: 0 });
  });
});

describe('endpoint names', () => {
  it('are unique per workflow, compared case-insensitively, on create and on update', async () => {
    await createEndpoint('Orders API');
    const clash = await apiErrorOf(createEndpoint('orders api'));
    expect(clash).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'name', message: expect.stringContaining('already exists') }] });

    const other = await createEndpoint('Billing');
    const renameClash = await apiErrorOf(app.caller.endpoints.update({ id: other.id, name: 'ORDERS API', baseUrl: other.baseUrl, auth: { type: 'none' } }));
    expect(renameClash.issues[0]?.path).toBe('name');
    // Changing only the case of its own name is fine.
    const renamed = await app.caller.endpoints.update({ id: other.id, name: 'BILLING', baseUrl: other.baseUrl, auth: { type: 'none' } });
    expect(renamed.name).toBe('BILLING');
  });

  it('are listed sorted by name, after the built-in Flowyard endpoint', async () => {
    for (const name of ['beta', 'Alpha', 'gamma']) await createEndpoint(name);
    const list = await app.caller.endpoints.list({ workflowId: app.workflowId });
    expect(list.map((e) => e.name)).toEqual(['Flowyard', 'Alpha', 'beta', 'gamma']);
    expect(list.map((e) => e.builtIn)).toEqual([true, false, false, false]);
  });
});

describe('endpoint auth', () => {
  it('refuses to change the auth type after creation', async () => {
    const endpoint = await createEndpoint('A', { type: 'none' });
    const error = await apiErrorOf(app.caller.endpoints.update({ id: endpoint.id, name: 'A', baseUrl: endpoint.baseUrl, auth: basic('pw') }));
    expect(error).toMatchObject({ code: 'AUTH_TYPE_IMMUTABLE', trpcCode: 'BAD_REQUEST', issues: [{ path: 'auth.type' }] });
    expect((await app.caller.endpoints.get({ id: endpoint.id })).auth).toEqual({ type: 'none' });
  });

  it('never returns the password, and an update without one keeps the stored password (same origin)', async () => {
    const endpoint = await createEndpoint('A', basic('first-secret'));
    expect(endpoint.auth).toEqual({ type: 'basic', username: 'svc', preemptive: true, passwordSet: true });
    expect(JSON.stringify(await app.caller.endpoints.get({ id: endpoint.id }))).not.toContain('first-secret');

    const updated = await app.caller.endpoints.update({
      id: endpoint.id,
      name: 'A renamed',
      baseUrl: 'https://orders.example.com/v2',
      auth: { type: 'basic', username: 'other', preemptive: false },
    });
    expect(updated.auth).toEqual({ type: 'basic', username: 'other', preemptive: false, passwordSet: true });
    const resolver = createEndpointResolver(app, app.workflowId);
    expect(await resolver.get(endpoint.id)).toEqual({
      id: endpoint.id,
      name: 'A renamed',
      baseUrl: 'https://orders.example.com/v2',
      trustSelfSigned: false,
      auth: { type: 'basic', username: 'other', password: 'first-secret', preemptive: false },
    });

    await app.caller.endpoints.update({ id: endpoint.id, name: 'A renamed', baseUrl: 'https://orders.example.com/v2', auth: basic('second-secret') });
    expect((await resolver.get(endpoint.id))?.auth).toMatchObject({ password: 'second-secret' });
  });

  it('stores the password encrypted', async () => {
    const endpoint = await createEndpoint('A', basic('stored-secret'));
    const rows = await app.sql.query('SELECT * FROM endpoints');
    expect(JSON.stringify(rows)).not.toContain('stored-secret');
    expect(await createEndpointResolver(app, app.workflowId).get(endpoint.id)).toMatchObject({ auth: { password: 'stored-secret' } });
  });

  it('fails with AUTH_FAILED, quoting nothing secret, when the key no longer opens the stored password', async () => {
    const endpoint = await createEndpoint('A', basic('old-key-secret'));
    const otherKey = createSecretBox(randomBytes(32));
    const error = await createEndpointResolver({ store: app.store, secretBox: otherKey, providers: app.providers }, app.workflowId)
      .get(endpoint.id)
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(FlowyardError);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('FLOWYARD_SECRET_KEY') });
    expect(JSON.stringify(error)).not.toContain('old-key-secret');
  });

  it('answers ENDPOINT_NOT_FOUND for an unknown id', async () => {
    expect(await apiErrorOf(app.caller.endpoints.get({ id: 'nope' }))).toMatchObject({ code: 'ENDPOINT_NOT_FOUND', trpcCode: 'NOT_FOUND' });
    expect(await apiErrorOf(app.caller.endpoints.delete({ id: 'nope' }))).toMatchObject({ code: 'ENDPOINT_NOT_FOUND' });
  });
});

describe('endpoint usage and delete', () => {
  it('lists the flows and steps that use an endpoint as flows are saved, edited, renamed and deleted', async () => {
    const orders = await createEndpoint('Orders');
    const billing = await createEndpoint('Billing');
    const flowA = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Flow A' });
    const flowB = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Flow B' });

    const savedA = await app.caller.flows.save({
      id: flowA.id,
      version: flowA.version,
      graph: chainGraph([
        { id: 'get', name: 'Get order', endpointId: orders.id },
        { id: 'bill', name: 'Bill', endpointId: billing.id },
      ]),
    });
    await app.caller.flows.save({ id: flowB.id, version: flowB.version, graph: chainGraph([{ id: 'x', name: 'Fetch', endpointId: orders.id }]) });

    expect((await app.caller.endpoints.usage({ id: orders.id })).items).toEqual([
      { kind: 'step', flowId: flowA.id, flowName: 'Flow A', nodeId: 'get', stepName: 'Get order' },
      { kind: 'step', flowId: flowB.id, flowName: 'Flow B', nodeId: 'x', stepName: 'Fetch' },
    ]);
    expect((await app.caller.endpoints.usage({ id: billing.id })).items).toEqual([{ kind: 'step', flowId: flowA.id, flowName: 'Flow A', nodeId: 'bill', stepName: 'Bill' }]);
    expect((await app.caller.endpoints.get({ id: orders.id })).usageCount).toBe(2);

    // Edit flow A: rename the step and point "Bill" at Orders too.
    await app.caller.flows.save({
      id: flowA.id,
      version: savedA.version,
      graph: chainGraph([
        { id: 'get', name: 'Load order', endpointId: orders.id },
        { id: 'bill', name: 'Bill', endpointId: orders.id },
      ]),
    });
    await app.caller.flows.rename({ id: flowB.id, name: 'Flow B2' });
    expect((await app.caller.endpoints.usage({ id: orders.id })).items).toEqual([
      { kind: 'step', flowId: flowA.id, flowName: 'Flow A', nodeId: 'bill', stepName: 'Bill' },
      { kind: 'step', flowId: flowA.id, flowName: 'Flow A', nodeId: 'get', stepName: 'Load order' },
      { kind: 'step', flowId: flowB.id, flowName: 'Flow B2', nodeId: 'x', stepName: 'Fetch' },
    ]);
    expect((await app.caller.endpoints.usage({ id: billing.id })).items).toEqual([]);
    expect((await app.caller.endpoints.list({ workflowId: app.workflowId })).map((e) => [e.name, e.usageCount])).toEqual([
      ['Flowyard', 0],
      ['Billing', 0],
      ['Orders', 3],
    ]);

    await app.caller.flows.delete({ id: flowA.id });
    expect((await app.caller.endpoints.usage({ id: orders.id })).items).toEqual([{ kind: 'step', flowId: flowB.id, flowName: 'Flow B2', nodeId: 'x', stepName: 'Fetch' }]);
  });

  it('refuses to delete a used endpoint, listing the usage, and deletes it once the step is removed', async () => {
    const endpoint = await createEndpoint('Orders');
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Order sync' });
    const saved = await app.caller.flows.save({ id: flow.id, version: flow.version, graph: chainGraph([{ id: 'call', name: 'Call orders', endpointId: endpoint.id }]) });

    const refused = await apiErrorOf(app.caller.endpoints.delete({ id: endpoint.id }));
    expect(refused).toMatchObject({
      code: 'ENDPOINT_IN_USE',
      trpcCode: 'CONFLICT',
      details: { usage: [{ kind: 'step', flowId: flow.id, flowName: 'Order sync', nodeId: 'call', stepName: 'Call orders' }] },
    });
    expect(refused.message).toContain('Orders');
    expect(await app.caller.endpoints.get({ id: endpoint.id })).toMatchObject({ id: endpoint.id });

    await app.caller.flows.save({ id: flow.id, version: saved.version, graph: chainGraph([]) });
    expect(await app.caller.endpoints.delete({ id: endpoint.id })).toEqual({ id: endpoint.id });
    expect((await app.caller.endpoints.list({ workflowId: app.workflowId })).map((e) => e.name)).toEqual(['Flowyard']);
  });
});
