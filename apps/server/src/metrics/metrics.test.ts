import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { chainGraph } from '../testing/graphs';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { startHookTestServer, type HookTestServer } from '../triggers/hook-test-server';
import { createMetricsHandler } from './metrics-handler';

let server: HookTestServer | undefined;
let target: TargetServer | undefined;
afterEach(async () => {
  await server?.close();
  await target?.close();
  server = target = undefined;
});

/** The value of a sample line `name{labels} value` in Prometheus text, or undefined. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((candidate) => candidate.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('/metrics', () => {
  it('counts runs by how they ended, times runs and steps, counts token requests, and reads the queue from the database', async () => {
    server = await startHookTestServer();
    const { app } = server;
    target = await startTargetServer((req, res) => {
      if (req.url === '/token') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'at-metrics', token_type: 'Bearer', expires_in: 3600 }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    const endpoint = await app.caller.endpoints.create({
      workflowId: app.workflowId,
      name: 'API',
      baseUrl: target.url,
      trustSelfSigned: false,
      auth: { type: 'oauth2', tokenUrl: `${target.url}/token`, username: 'u', password: 'pw-metrics', clientId: 'c', clientSecret: 'cs-metrics' },
    });
    // Nothing listens on port 1: that step fails to connect, and its run fails.
    const unreachable = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Gone', baseUrl: 'http://127.0.0.1:1', trustSelfSigned: false, auth: { type: 'none' } });
    const flow = async (name: string, endpointId: string) => {
      const created = await app.caller.flows.create({ workflowId: app.workflowId, name });
      await app.caller.flows.save({ id: created.id, version: created.version, graph: chainGraph([{ id: 'call', name: 'Call', endpointId }]) });
      return created.id;
    };
    const ok = await flow('Works', endpoint.id);
    const failing = await flow('Fails', unreachable.id);
    for (const flowId of [ok, ok, failing]) await app.caller.runs.start({ flowId, payload: {} });
    await app.services.runs.whenIdle();
    // A run some instance admitted and has not finished: the queue as the database holds it.
    await app.sql.query("UPDATE runs SET status = 'running', started_at = ? WHERE flow_id = ?", [new Date(Date.now() - 90_000).toISOString(), failing]);

    const response = await server.fetch('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'flowyard_runs_started_total')).toBe(3);
    expect(sample(text, 'flowyard_runs_finished_total{status="succeeded"}')).toBe(2);
    expect(sample(text, 'flowyard_runs_finished_total{status="failed"}')).toBe(1);
    expect(sample(text, 'flowyard_run_duration_seconds_count{status="succeeded"}')).toBe(2);
    expect(sample(text, 'flowyard_step_duration_seconds_count{type="http-request",status="succeeded"}')).toBe(2);
    expect(sample(text, 'flowyard_token_requests_total')).toBe(1);
    expect(sample(text, 'flowyard_queue_depth')).toBe(1);
    expect(sample(text, 'flowyard_queue_oldest_age_seconds')).toBeGreaterThanOrEqual(90);
    expect(text).not.toMatch(/at-metrics|pw-metrics|cs-metrics/);
  });

  it('asks for the metrics token when one is set, and answers only GET and HEAD', async () => {
    server = await startHookTestServer();
    const handler = createMetricsHandler(server.app.services.metrics, { token: 'scrape-secret' });
    const plain = createServer(handler);
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const address = plain.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const url = `http://127.0.0.1:${address.port}/metrics`;
    try {
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const scraped = await fetch(url, { headers: { authorization: 'Bearer scrape-secret' } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('flowyard_runs_started_total');
      expect((await fetch(url, { method: 'POST', headers: { authorization: 'Bearer scrape-secret' } })).status).toBe(405);
    } finally {
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });
});
