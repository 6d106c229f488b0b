import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/http-client';
import { onFailureSchema } from '../flow/on-failure';
import { closedPort, startLocalServer, type LocalHandler, type LocalServer } from '../testing/local-server';
import { retryAfterMs, retryWaitMs } from './retry-wait';
import { call, edge, graphOf, manualTrigger, runAgainst, switchNode } from './run-flow-test-kit';

const http = createHttpClient();
afterAll(() => http.close());
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function serve(handler: LocalHandler): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  servers.push(server);
  return server;
}

/** A fake clock: waits are recorded and end at once. */
function fakeSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('On failure: retry', () => {
  it('tries again after 503s, honouring Retry-After, and succeeds on the third try; each try is recorded', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      if (calls === 1) return res.writeHead(503).end('busy');
      if (calls === 2) return res.writeHead(503, { 'Retry-After': '7' }).end('still busy');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    const clock = fakeSleep();
    const graph = graphOf([manualTrigger, call('a', 'Call', '/a', { mode: 'retry', maxTries: 3, delayMs: 1000 })], [edge('t', 'a')]);
    const { summary, final } = await runAgainst(graph, server.url, http, { sleep: clock.sleep, random: () => 0.5 });
    expect(summary.status).toBe('succeeded');
    // Backoff 1000 ms with equal jitter at 0.5 → 750 ms; then the target's Retry-After: 7 s.
    expect(clock.waits).toEqual([750, 7000]);
    const record = final('Call');
    expect(record?.outputs).toMatchObject({ status: 200, body: { ok: true } });
    expect(record?.tries?.map((t) => [t.try, t.status, t.waitMs, t.error])).toEqual([
      [1, 503, 750, null],
      [2, 503, 7000, null],
      [3, 200, null, null],
    ]);
    expect(record?.exchanges.map((e) => e.status)).toEqual([503, 503, 200]);
    expect(record?.logs.filter((l) => l.level === 'warn')).toHaveLength(2);
  });

  it('backs off exponentially with jitter, caps waits at 60 s, and fails after the last try', async () => {
    const port = await closedPort();
    const clock = fakeSleep();
    const graph = graphOf([manualTrigger, call('a', 'Call', '/a', { mode: 'retry', maxTries: 4, delayMs: 1000 }), call('b', 'After')], [edge('t', 'a'), edge('a', 'b')]);
    const { summary, statuses, final } = await runAgainst(graph, `http://127.0.0.1:${port}`, http, { sleep: clock.sleep, random: () => 0 });
    expect(clock.waits).toEqual([500, 1000, 2000]);
    expect(summary.status).toBe('failed');
    expect(statuses).toEqual({ Start: 'succeeded', Call: 'failed', After: 'skipped' });
    expect(final('Call')?.tries).toHaveLength(4);
    expect(final('Call')?.error?.code).toBe('HTTP_CONNECT_FAILED');
    expect(retryWaitMs(12, 1000, undefined, new Date(), () => 0.999)).toBeLessThanOrEqual(60_000);
  });

  it('reads Retry-After as seconds or an HTTP date, only on 429 and 503, capped at 60 s', () => {
    const exchange = (status: number, value: string) => ({
      method: 'GET', url: 'u', requestHeaders: {}, requestBody: null, requestBodyTruncated: false, status, statusText: null,
      responseHeaders: { 'retry-after': value }, responseBody: null, responseBodyTruncated: false, startedAt: '', durationMs: 1, error: null,
    });
    const now = new Date('2026-12-05T08:00:00Z');
    expect(retryAfterMs(exchange(429, '3'), now)).toBe(3000);
    expect(retryAfterMs(exchange(503, 'Sat, 05 Dec 2026 08:00:20 GMT'), now)).toBe(20_000);
    expect(retryAfterMs(exchange(500, '3'), now)).toBeNull();
    expect(retryWaitMs(2, 1000, exchange(429, '3600'), now, () => 0)).toBe(60_000);
  });

  it('retry settings are bounded: 2 to 10 tries', () => {
    expect(onFailureSchema.safeParse({ mode: 'retry', maxTries: 1 }).success).toBe(false);
    expect(onFailureSchema.safeParse({ mode: 'retry', maxTries: 11 }).success).toBe(false);
    expect(onFailureSchema.parse({ mode: 'retry' })).toEqual({ mode: 'retry', maxTries: 3, delayMs: 1000 });
  });

  it('an abort while waiting ends the step interrupted without another try', async () => {
    const server = await serve((_req, res) => res.writeHead(503).end());
    const controller = new AbortController();
    const graph = graphOf([manualTrigger, call('a', 'Call', '/a', { mode: 'retry', maxTries: 5 })], [edge('t', 'a')]);
    const sleep = async () => void controller.abort();
    const { summary, final } = await runAgainst(graph, server.url, http, { sleep, abortController: controller });
    expect(summary.status).toBe('interrupted');
    expect(final('Call')?.status).toBe('interrupted');
    expect(server.requests).toHaveLength(1);
  });
});

describe('On failure: continue', () => {
  it('turns the failure into outputs, so a Switch branches on error.code and the run succeeds', async () => {
    const port = await closedPort();
    const graph = graphOf(
      [
        manualTrigger,
        call('a', 'Call', '/a', { mode: 'continue' }),
        switchNode('s', 'Check', '{{Call.error.code}}', [{ id: 'down', value: 'HTTP_CONNECT_FAILED' }]),
        call('h', 'Handle', '/handle'),
        call('n', 'Normal', '/normal'),
      ],
      [edge('t', 'a'), edge('a', 's'), edge('s', 'h', 'down'), edge('s', 'n', 'default')],
    );
    const { summary, statuses, final } = await runAgainst(graph, `http://127.0.0.1:${port}`, http);
    expect(statuses).toEqual({ Start: 'succeeded', Call: 'failed', Check: 'succeeded', Handle: 'failed', Normal: 'skipped' });
    expect(final('Call')?.outputs).toEqual({ error: { code: 'HTTP_CONNECT_FAILED', message: expect.any(String) }, status: null });
    expect(final('Check')?.outputs).toMatchObject({ matched: 'HTTP_CONNECT_FAILED' });
    // Handle fails too (same closed port) and stops the run: the default policy.
    expect(summary.status).toBe('failed');
    expect(summary.error?.details).toMatchObject({ step: 'Handle' });
  });

  it('a step that stops (the default) skips what follows', async () => {
    const port = await closedPort();
    const graph = graphOf([manualTrigger, call('a', 'Call'), call('b', 'After')], [edge('t', 'a'), edge('a', 'b')]);
    const { statuses } = await runAgainst(graph, `http://127.0.0.1:${port}`, http);
    expect(statuses).toEqual({ Start: 'succeeded', Call: 'failed', After: 'skipped' });
  });
});
