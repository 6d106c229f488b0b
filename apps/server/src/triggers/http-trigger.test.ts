import type { FlowSaveInput, Role } from '@flowyard/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startHookTestServer, type HookTestServer } from './hook-test-server';

type Graph = FlowSaveInput['graph'];
const position = { x: 0, y: 0 };

/** HTTP trigger → Switch on the body's kind (its outputs are the last step's). */
function hookGraph(allowedRoles?: Role[]): Graph {
  return {
    nodes: [
      { id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: allowedRoles === undefined ? {} : { allowedRoles } } },
      { id: 'route', type: 'switch', position, data: { name: 'Route', config: { value: '{{trigger.body.kind}}', cases: [{ id: 'order', value: 'order' }] } } },
    ],
    edges: [{ id: 'e', source: 'hook', target: 'route' }],
  };
}

let server: HookTestServer;
let flowId: string;
let restrictedFlowId: string;
let restKey: string;
let restUserId: string;
beforeAll(async () => {
  server = await startHookTestServer();
  flowId = await server.flow('Hooked', hookGraph());
  restrictedFlowId = await server.flow('Admins and REST only', hookGraph(['admin', 'rest']));
  const rest = await server.userWithKey('rest', 'Rita Rest');
  restKey = rest.key;
  restUserId = rest.user.id;
});
afterAll(() => server.close());

const post = (path: string, init: { headers?: Record<string, string>; body?: string | Uint8Array } = {}) =>
  server.fetch(path, { method: 'POST', headers: init.headers, body: init.body });
const json = { 'content-type': 'application/json' };
const runCount = async (id: string): Promise<number> => {
  const [row] = await server.app.sql.query('SELECT count(*) AS n FROM runs WHERE flow_id = ?', [id]);
  return Number(row?.n ?? 0);
};

describe('HTTP trigger callers that are refused', () => {
  it('answers 401, 403, 404, 413, 415 and 400 as listed, and runs nothing', async () => {
    const disabled = await server.userWithKey('developer', 'Dora Disabled');
    await server.app.caller.users.update({ id: disabled.user.id, disabled: true });
    const standard = await server.userWithKey('standard', 'Stan Standard');
    const revoked = await server.userWithKey('rest', 'Rex Revoked');
    const [revokedKey] = await server.app.services.apiKeys.listAs(server.app.admin, revoked.user.id);
    if (revokedKey === undefined) throw new Error('no key');
    await server.app.services.apiKeys.revokeAs(server.app.admin, revokedKey.id);

    const hook = `/hooks/${flowId}/hook`;
    const bearer = (key: string) => ({ ...json, authorization: `Bearer ${key}` });
    const cases: [string, Promise<Response>, number, string][] = [
      ['no key', post(hook, { headers: json, body: '{}' }), 401, 'UNAUTHORIZED'],
      ['unknown key', post(hook, { headers: bearer(`fy_${'x'.repeat(40)}`), body: '{}' }), 401, 'UNAUTHORIZED'],
      ['revoked key', post(hook, { headers: bearer(revoked.key), body: '{}' }), 401, 'UNAUTHORIZED'],
      ['run credential', post(hook, { headers: bearer('fyr_not-a-key'), body: '{}' }), 401, 'UNAUTHORIZED'],
      ['disabled user', post(hook, { headers: bearer(disabled.key), body: '{}' }), 403, 'FORBIDDEN'],
      ['role the trigger refuses', post(`/hooks/${restrictedFlowId}/hook`, { headers: bearer(standard.key), body: '{}' }), 403, 'FORBIDDEN'],
      ['unknown trigger', post(`/hooks/${flowId}/route`, { headers: bearer(restKey), body: '{}' }), 404, 'NOT_FOUND'],
      ['unknown flow', post('/hooks/nope/hook', { headers: bearer(restKey), body: '{}' }), 404, 'NOT_FOUND'],
      ['body over 1 MiB', post(hook, { headers: bearer(restKey), body: JSON.stringify({ blob: 'x'.repeat(1024 * 1024) }) }), 413, 'VALIDATION_FAILED'],
      ['unsupported type', post(hook, { headers: { 'content-type': 'application/octet-stream', 'x-api-key': restKey }, body: new Uint8Array([1, 2, 3]) }), 415, 'VALIDATION_FAILED'],
      ['no type', post(hook, { headers: { 'x-api-key': restKey }, body: new Uint8Array([1, 2, 3]) }), 415, 'VALIDATION_FAILED'],
      ['broken JSON', post(hook, { headers: bearer(restKey), body: '{"kind": ' }), 400, 'VALIDATION_FAILED'],
    ];
    for (const [what, call, status, code] of cases) {
      const response = await call;
      expect({ what, status: response.status }).toEqual({ what, status });
      const body: unknown = await response.json();
      expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
      if (status === 401) expect(response.headers.get('www-authenticate')).toContain('Bearer');
    }
    for (const method of ['HEAD', 'PUT', 'DELETE']) {
      const response = await server.fetch(hook, { method, headers: { 'x-api-key': restKey } });
      expect({ method, status: response.status }).toEqual({ method, status: 405 });
    }
    expect(await runCount(flowId)).toBe(0);
    expect(await runCount(restrictedFlowId)).toBe(0);
  });
});

describe('a flow turned off', () => {
  it('answers 404 FLOW_DISABLED and runs nothing until it is turned on again', async () => {
    const id = await server.flow('Switched off', hookGraph());
    await server.app.caller.flows.setEnabled({ id, enabled: false });
    const hook = `/hooks/${id}/hook`;
    const call = () => post(hook, { headers: { ...json, authorization: `Bearer ${restKey}` }, body: '{"kind":"order"}' });
    const refused = await call();
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: { code: 'FLOW_DISABLED', message: expect.stringContaining('"Switched off" is turned off') } });
    expect(await runCount(id)).toBe(0);
    // Without a valid key the answer says nothing about the flow.
    expect((await post(hook, { headers: json, body: '{}' })).status).toBe(401);

    await server.app.caller.flows.setEnabled({ id, enabled: true });
    expect((await call()).status).toBe(202);
  });
});

describe('HTTP trigger callers that are accepted', () => {
  it("answers 202 with the run id; the run acts as the key's user and sees body, headers (credentials redacted) and query", async () => {
    const response = await post(`/hooks/${flowId}/hook?tag=a&tag=b&source=shop`, { headers: { ...json, authorization: `Bearer ${restKey}`, 'x-trace': 't-1' }, body: '{"kind":"order","id":7}' });
    expect(response.status).toBe(202);
    const { runId } = z.object({ runId: z.string() }).parse(await response.json());
    await server.app.services.runs.whenIdle();
    const { run, steps } = await server.app.caller.runs.get({ runId });
    expect(run).toMatchObject({ status: 'succeeded', trigger: { type: 'http', nodeId: 'hook' }, userId: restUserId, actedAs: { id: restUserId, name: 'Rita Rest' } });
    const hook = steps.find((step) => step.nodeId === 'hook');
    expect(hook?.outputs).toMatchObject({
      body: { kind: 'order', id: 7 },
      headers: { authorization: '[redacted]', 'x-trace': 't-1', 'content-type': 'application/json' },
      query: { tag: ['a', 'b'], source: 'shop' },
    });
    expect(JSON.stringify(steps)).not.toContain(restKey);
    const listed = await server.app.caller.runs.list({ flowId });
    expect(listed.items[0]?.actedAs).toEqual({ id: restUserId, name: 'Rita Rest', email: expect.stringContaining('@example.com') });
  });

  it('?wait=true answers with the status and the outputs of the last step', async () => {
    const response = await post(`/hooks/${flowId}/hook?wait=true`, { headers: { ...json, 'x-api-key': restKey }, body: '{"kind":"order"}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ runId: expect.any(String), status: 'succeeded', outputs: { value: 'order', matched: 'order' }, error: null });
  });

  it('a Run button click on an HTTP trigger hands its payload over as the body', async () => {
    const { runId } = await server.app.caller.runs.start({ flowId, triggerNodeId: 'hook', payload: { kind: 'order' } });
    await server.app.services.runs.whenIdle();
    const { run, steps } = await server.app.caller.runs.get({ runId });
    expect(run).toMatchObject({ status: 'succeeded', trigger: { type: 'manual', nodeId: 'hook' }, actedAs: { id: server.app.admin.id } });
    expect(steps.find((step) => step.nodeId === 'hook')?.outputs).toEqual({ body: { kind: 'order' }, headers: {}, query: {} });
  });

  it('reads form fields and text, takes GET with a query, and accepts the key as a Basic password', async () => {
    const echo = await server.flow('Echo', { nodes: [{ id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } }], edges: [] });
    const basic = `Basic ${Buffer.from(`anyone:${restKey}`).toString('base64')}`;
    const call = async (path: string, init: RequestInit) => {
      const response = await server.fetch(`/hooks/${echo}/hook${path}`, init);
      expect(response.status).toBe(200);
      return z.object({ outputs: z.object({ body: z.unknown(), query: z.unknown() }) }).parse(await response.json()).outputs;
    };
    const form = await call('?wait=1', { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: 'kind=order&x=1&x=2' });
    expect(form.body).toEqual({ kind: 'order', x: ['1', '2'] });
    const text = await call('?wait=true', { method: 'POST', headers: { authorization: basic, 'content-type': 'text/plain; charset=utf-8' }, body: 'héllo' });
    expect(text.body).toBe('héllo');
    const get = await call('?wait=true&kind=x', { headers: { authorization: basic } });
    expect(get).toEqual({ body: null, query: { kind: 'x' } });
  });
});
