import { createTestDatabase } from '@flowyard/db/testing';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { chainGraph } from '../testing/graphs';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { createTestApp, type TestApp } from '../testing/test-app';

const SLOW = { timeout: 120_000 };

describe('OAuth2 tokens are fetched once for every process on the database (single flight)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  // A token server that answers slowly, so every run asks while the first request is under way.
  async function provider(): Promise<TargetServer> {
    let issued = 0;
    const server = await startTargetServer((req, res) => {
      if (req.method === 'POST' && req.url === '/token') {
        issued += 1;
        const token = `at-${issued}-${randomBytes(8).toString('hex')}`;
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
        }, 200);
        return;
      }
      const ok = /^Bearer at-/.test(req.headers.authorization ?? '');
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok }));
    });
    cleanups.push(() => server.close());
    return server;
  }

  it('100 concurrent runs over two instances make one token request', SLOW, async () => {
    const target = await provider();
    const database = await createTestDatabase();
    const secretKey = randomBytes(32);
    const a = await createTestApp({ database, secretKey });
    // Two stores on one PostgreSQL database are two instances; SQLite has one process, one store.
    const b: TestApp = database.dialect === 'postgres' ? await createTestApp({ database, secretKey }) : a;
    cleanups.push(async () => {
      if (b !== a) await b.close();
      await a.close();
      await database.drop();
    });

    const endpoint = await a.caller.endpoints.create({
      workflowId: a.workflowId,
      name: 'IdP API',
      baseUrl: target.url,
      trustSelfSigned: false,
      auth: { type: 'oauth2', tokenUrl: `${target.url}/token`, username: 'ada', password: 'pw-secret-1', clientId: 'client', clientSecret: 'cs-secret-1' },
    });
    const flow = await a.caller.flows.create({ workflowId: a.workflowId, name: 'Calls the API' });
    await a.caller.flows.save({ id: flow.id, version: flow.version, graph: chainGraph([{ id: 'call', name: 'Call', endpointId: endpoint.id }]) });

    const runIds = await Promise.all(Array.from({ length: 100 }, async (_, i) => (await (i % 2 === 0 ? a : b).caller.runs.start({ flowId: flow.id, payload: { i } })).runId));
    await Promise.all([a.services.runs.whenIdle(), b.services.runs.whenIdle()]);

    const statuses = await Promise.all(runIds.map(async (runId) => (await a.caller.runs.get({ runId })).run.status));
    expect(statuses.filter((status) => status !== 'succeeded')).toEqual([]);
    expect(target.requests.filter((request) => request.url === '/token')).toHaveLength(1);
    expect(target.requests.filter((request) => request.url === '/hello')).toHaveLength(100);

    // The token is kept for the others encrypted: neither it nor the secrets appear in the row.
    const rows = await a.sql.query('SELECT * FROM endpoint_tokens');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toMatch(/at-1-|pw-secret-1|cs-secret-1/);
  });
});
