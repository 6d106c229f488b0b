import type { FlowSaveInput } from '@flowyard/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startHookTestServer, type HookTestServer } from '../triggers/hook-test-server';

// The custom step test starts a script worker (slow under tsx on a loaded machine).
const SLOW = { timeout: 60_000 };
const position = { x: 0, y: 0 };
const outcomeSchema = z.object({ runId: z.string(), status: z.string(), outputs: z.record(z.string(), z.unknown()).nullable() });

let server: HookTestServer;
const minted: string[] = [];
beforeAll(async () => {
  server = await startHookTestServer();
  // Keep the credentials runs get, to check they stop working when their run ends.
  const credentials = server.app.services.runCredentials;
  const mint = credentials.mint.bind(credentials);
  credentials.mint = async (holder) => {
    const token = await mint(holder);
    minted.push(token);
    return token;
  };
});
afterAll(() => server.close());

async function trigger(flowId: string, key: string, body: unknown) {
  const response = await server.fetch(`/hooks/${flowId}/hook?wait=true`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  const outcome = outcomeSchema.parse(await response.json());
  const { run, steps } = await server.app.caller.runs.get({ runId: outcome.runId });
  return { outcome, run, steps };
}

describe('Find User through the built-in Flowyard endpoint', () => {
  it("returns only what the run's user may see: a Standard User finds only themself, a REST Web Service User finds every match", async () => {
    const graph: FlowSaveInput['graph'] = {
      nodes: [
        { id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } },
        { id: 'find', type: 'find-user', position, data: { name: 'Find User', config: { search: '{{trigger.body.search}}' } } },
      ],
      edges: [{ id: 'e', source: 'hook', target: 'find' }],
    };
    const flowId = await server.flow('Who is Lee', graph);
    const sam = await server.userWithKey('standard', 'Sam Lee');
    const rita = await server.userWithKey('rest', 'Rita Lee');
    await server.app.createUser('developer', 'Dana Other');

    const asSam = await trigger(flowId, sam.key, { search: 'lee' });
    const asRita = await trigger(flowId, rita.key, { search: 'LEE' });

    expect(asSam.run).toMatchObject({ status: 'succeeded', trigger: { type: 'http' }, actedAs: { id: sam.user.id, name: 'Sam Lee' } });
    expect(asSam.outcome.outputs).toEqual({ users: [expect.objectContaining({ id: sam.user.id, name: 'Sam Lee' })], count: 1, first: expect.objectContaining({ id: sam.user.id }) });
    expect(asRita.run).toMatchObject({ status: 'succeeded', actedAs: { id: rita.user.id, name: 'Rita Lee' } });
    expect(asRita.outcome.outputs).toMatchObject({ users: [{ name: 'Rita Lee' }, { name: 'Sam Lee' }], count: 2, first: { id: rita.user.id } });

    // The exchange is in the step record, with the run credential redacted.
    const find = asSam.steps.find((step) => step.nodeId === 'find');
    expect(find?.exchanges).toHaveLength(1);
    expect(find?.exchanges[0]).toMatchObject({ method: 'GET', url: `${server.url}/api/v1/users?search=lee`, status: 200, requestHeaders: { authorization: '[redacted]' } });
    expect(minted).toHaveLength(2);
    for (const token of minted) expect(JSON.stringify([asSam.steps, asRita.steps])).not.toContain(token);

    // Each run's credential worked during its run (above) and is refused now that the run has ended.
    for (const token of minted) {
      const after = await server.fetch('/api/v1/users?search=lee', { headers: { authorization: `Bearer ${token}` } });
      expect(after.status).toBe(401);
      expect(await after.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('binds the endpoint label of a custom step whose endpoint type is Flowyard to the built-in endpoint', SLOW, async () => {
    // Started before the trigger call, whose wait is bounded.
    await server.app.scripts.warmUp();
    const definition = await server.app.caller.customSteps.create({
      workflowId: server.app.workflowId,
      step: {
        name: 'Read user',
        inputs: [{ id: 'id', label: 'Id', required: true }],
        outputs: [{ id: 'name', label: 'Name' }, { id: 'status', label: 'Status' }],
        includeEndpoint: true,
        endpointType: 'flowyard',
        endpointLabel: 'Me',
        script: [
          "var resp = http.request({ endpoint: 'Me', path: '/api/v1/users/' + input['Id'] }).write();",
          "output['Status'] = resp.statusCode;",
          "output['Name'] = resp.statusCode === 200 ? JSON.parse(resp.body).name : JSON.parse(resp.body).error.code;",
        ].join('\n'),
      },
    });
    const flowId = await server.flow('Read user', {
      nodes: [
        { id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } },
        { id: 'read', type: 'custom-step', position, data: { name: 'Read', config: { customStepId: definition.id, inputs: { id: '{{trigger.body.id}}' } } } },
      ],
      edges: [{ id: 'e', source: 'hook', target: 'read' }],
    });
    const stan = await server.userWithKey('standard', 'Stan Self');
    const own = await trigger(flowId, stan.key, { id: stan.user.id });
    expect(own.outcome.outputs).toEqual({ Name: 'Stan Self', Status: '200' });
    const other = await trigger(flowId, stan.key, { id: server.app.admin.id });
    expect(other.outcome.outputs).toEqual({ Name: 'FORBIDDEN', Status: '403' });
  });
});
