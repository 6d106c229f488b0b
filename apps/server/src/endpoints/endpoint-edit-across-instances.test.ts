import { createTestDatabase } from '@flowyard/db/testing';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { chainGraph } from '../testing/graphs';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { createTestApp, type TestApp } from '../testing/test-app';

// Issue 12, scenario 4: an endpoint edited through instance A is used by the next run on an
// instance B started before the edit (B's caches hear of A's write through NOTIFY).
describe('an endpoint edited on one instance', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function target(name: string): Promise<TargetServer> {
    const server = await startTargetServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ from: name })));
    cleanups.push(() => server.close());
    return server;
  }

  it('is used by the next run on another instance started before the edit', { timeout: 60_000 }, async () => {
    const [before, after] = [await target('before'), await target('after')];
    const database = await createTestDatabase();
    const secretKey = randomBytes(32);
    const a = await createTestApp({ database, secretKey });
    // Two compositions on one PostgreSQL database are two instances; SQLite has one process.
    const b: TestApp = database.dialect === 'postgres' ? await createTestApp({ database, secretKey }) : a;
    cleanups.push(async () => {
      if (b !== a) await b.close();
      await a.close();
      await database.drop();
    });

    const endpoint = await a.caller.endpoints.create({ workflowId: a.workflowId, name: 'Orders', baseUrl: before.url, trustSelfSigned: false, auth: { type: 'none' } });
    const flow = await a.caller.flows.create({ workflowId: a.workflowId, name: 'Calls Orders' });
    await a.caller.flows.save({ id: flow.id, version: flow.version, graph: chainGraph([{ id: 'call', name: 'Call', endpointId: endpoint.id }]) });

    const runOnB = async (): Promise<unknown> => {
      const { runId } = await b.caller.runs.start({ flowId: flow.id, payload: {} });
      await b.services.runs.whenIdle();
      const { run, steps } = await b.caller.runs.get({ runId });
      expect(run.status).toBe('succeeded');
      return steps.find((step) => step.nodeId === 'call')?.outputs;
    };
    // B has run the flow, so its caches hold the flow and the endpoint as they were.
    expect(JSON.stringify(await runOnB())).toContain('"from":"before"');

    await a.caller.endpoints.update({ id: endpoint.id, name: 'Orders', baseUrl: after.url, auth: { type: 'none' } });
    expect(JSON.stringify(await runOnB())).toContain('"from":"after"');
    expect(after.requests).toHaveLength(1);
    expect(before.requests).toHaveLength(1);
  });
});
