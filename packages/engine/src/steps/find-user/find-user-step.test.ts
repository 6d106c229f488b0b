import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ResolvedEndpoint } from '../../endpoint/endpoint';
import { flowGraphSchema } from '../../flow/flow-graph';
import { createHttpClient } from '../../http/http-client';
import type { RunEvent, StepRecord } from '../../run/run-record';
import { runFlow } from '../../runner/run-flow';
import { startLocalServer, type LocalHandler, type LocalServer } from '../../testing/local-server';

const http = createHttpClient();
afterAll(() => http.close());
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const ann = { id: 'u1', name: 'Ann Lee', email: 'ann@example.com', role: 'standard', disabled: false, createdAt: '2024-01-01T00:00:00.000Z' };
const bob = { id: 'u2', name: 'Bob Lee', email: 'bob@example.com', role: 'rest', disabled: false, createdAt: '2024-01-01T00:00:00.000Z' };
const position = { x: 0, y: 0 };
const graph = flowGraphSchema.parse({
  nodes: [
    { id: 't', type: 'manual-trigger', position, data: { name: 'Start', config: {} } },
    { id: 'f', type: 'find-user', position, data: { name: 'Find', config: { search: '{{trigger.body.who}}' } } },
  ],
  edges: [{ id: 'e', source: 't', target: 'f' }],
});

async function run(handler: LocalHandler, token: string | null, endpointType: 'flowyard' | 'none' = 'flowyard') {
  const server = await startLocalServer(handler);
  servers.push(server);
  const builtin: ResolvedEndpoint = {
    id: 'ep-fy',
    name: 'Flowyard',
    baseUrl: server.url,
    trustSelfSigned: false,
    auth: endpointType === 'flowyard' ? { type: 'flowyard', token } : { type: 'none' },
  };
  const events: RunEvent[] = [];
  const summary = await runFlow({
    runId: 'r',
    user: { id: 'u1', name: 'Ann Lee', email: 'ann@example.com' },
    flow: { id: 'flow', version: 1, graph },
    trigger: { nodeId: 't', payload: { who: 'lee & co' }, type: 'manual' },
    endpoints: { get: async (id) => (id === builtin.id ? builtin : undefined), getByName: async (name) => (name.toLowerCase() === 'flowyard' ? builtin : undefined) },
    http,
    sink: (event) => void events.push(event),
  });
  let find: StepRecord | undefined;
  for (const event of events) if (event.type === 'step' && event.step.name === 'Find') find = event.step;
  return { summary, find, server };
}

const answer = (status: number, body: unknown): LocalHandler => (_req, res) => {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
};

describe('Find User step', () => {
  it('asks the REST API through the built-in endpoint with the run credential, recorded redacted', async () => {
    const { summary, find, server } = await run(answer(200, { users: [ann, bob] }), 'fyr_run-credential');
    expect(summary.status).toBe('succeeded');
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/api/v1/users?search=lee%20%26%20co' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer fyr_run-credential');
    expect(find?.inputs).toEqual({ search: 'lee & co' });
    expect(find?.outputs).toEqual({ users: [ann, bob], count: 2, first: ann });
    expect(find?.exchanges[0]?.requestHeaders.authorization).toBe('[redacted]');
    expect(JSON.stringify(find)).not.toContain('fyr_run-credential');
  });

  it('outputs an empty list and first = null when nobody matches', async () => {
    const { find } = await run(answer(200, { users: [] }), 'fyr_x');
    expect(find?.outputs).toEqual({ users: [], count: 0, first: null });
  });

  it("fails with the API's code when it refuses, and with AUTH_FAILED without a credential (nothing sent)", async () => {
    const refused = await run(answer(403, { error: { code: 'FORBIDDEN', message: 'Your role may not read users' } }), 'fyr_x');
    expect(refused.find?.error).toMatchObject({ code: 'FORBIDDEN', message: 'Flowyard refused the user search: Your role may not read users', details: { status: 403 } });

    const expired = await run(answer(401, { error: { code: 'UNAUTHORIZED', message: 'The run credential has expired' } }), 'fyr_x');
    expect(expired.find?.error).toMatchObject({ code: 'UNAUTHORIZED', details: { status: 401 } });

    const outside = await run(answer(200, { users: [] }), null);
    expect(outside.find?.error).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('only inside a run') });
    expect(outside.server.requests).toHaveLength(0);
  });

  it('fails with ENDPOINT_NOT_FOUND when the workflow has no built-in endpoint, and on an answer that is not a user list', async () => {
    const missing = await run(answer(200, { users: [] }), 'fyr_x', 'none');
    expect(missing.find?.error).toMatchObject({ code: 'ENDPOINT_NOT_FOUND' });
    const odd = await run(answer(200, { people: [] }), 'fyr_x');
    expect(odd.find?.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { status: 200 } });
  });
});
