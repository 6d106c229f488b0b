import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../testing/test-app';
import { waitFor } from '../testing/wait-for';
import { createApp } from './app';

let app: TestApp;
let server: Server;
let base: string;
let webDist: string;
/** The signed-in admin's cookie, as the browser would send it. */
let cookie: string;

const errorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    data: z.looseObject({ code: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })), details: z.record(z.string(), z.unknown()) }),
  }),
});

beforeAll(async () => {
  app = await createTestApp();
  webDist = mkdtempSync(join(tmpdir(), 'flowyard-web-'));
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Flowyard</title>');
  writeFileSync(join(webDist, 'assets', 'app-abc123.js'), 'console.log("app")');
  writeFileSync(join(webDist, 'assets', 'app-abc123.js.map'), '{"version":3,"sources":["src/main.tsx"]}');
  server = createApp({ services: app.services, webDist }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
  cookie = await app.sessionCookie();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app.close();
  rmSync(webDist, { recursive: true, force: true });
});

describe('the HTTP app', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('returns validation errors with the SPEC code and field issues in error.data', async () => {
    const res = await fetch(`${base}/trpc/endpoints.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-flowyard-csrf': '1' },
      body: JSON.stringify({ workflowId: app.workflowId, name: 'X', baseUrl: 'ftp://files.example.com', auth: { type: 'none' } }),
    });
    expect(res.status).toBe(400);
    const body = errorBodySchema.parse(await res.json());
    expect(body.error.data).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'baseUrl', message: expect.stringContaining('http:// or https://') }],
    });
    expect(body.error.data).not.toHaveProperty('stack');
  });

  it('maps SPEC codes to HTTP statuses', async () => {
    const res = await fetch(`${base}/trpc/endpoints.get?input=${encodeURIComponent(JSON.stringify({ id: 'missing' }))}`, { headers: { cookie } });
    expect(res.status).toBe(404);
    expect(errorBodySchema.parse(await res.json()).error.data.code).toBe('ENDPOINT_NOT_FOUND');
  });

  it('serves the web app with a fallback to index.html for client routes, but not for missing files', async () => {
    const page = await fetch(`${base}/flows/some-id`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Flowyard</title>');
    const asset = await fetch(`${base}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/trpc/nope.nothing`)).status).toBe(404);
  });

  it('puts the security headers on every answer: pages, assets, tRPC, REST, HTTP triggers (around Express), the Connect callback, errors', async () => {
    const answers = await Promise.all(
      [
        fetch(`${base}/flows/some-id`),
        fetch(`${base}/assets/app-abc123.js`),
        fetch(`${base}/healthz`),
        fetch(`${base}/trpc/workflows.list`, { headers: { cookie } }),
        fetch(`${base}/trpc/workflows.list`),
        fetch(`${base}/api/v1/users`),
        fetch(`${base}/hooks/no-flow/no-trigger`, { method: 'POST' }),
        fetch(`${base}/hooks/x`, { method: 'POST' }),
        fetch(`${base}/hooks/x/y`, { method: 'PUT' }),
        fetch(`${base}/oauth/callback?error=access_denied`),
        fetch(`${base}/oauth/callback.js`),
      ].map(async (answer) => (await answer).headers),
    );
    for (const headers of answers) {
      expect(headers.get('content-security-policy')).toBe(
        "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self' data:;connect-src 'self';frame-ancestors 'none';object-src 'none';base-uri 'self';form-action 'self'",
      );
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('x-frame-options')).toBe('DENY');
      // Plain http: HSTS would mean nothing.
      expect(headers.get('strict-transport-security')).toBeNull();
    }
    // The callback page keeps its opener (the app's window) after the provider's pages.
    expect(answers[0]?.get('cross-origin-opener-policy')).toBe('same-origin-allow-popups');
    expect(answers[9]?.get('cross-origin-opener-policy')).toBe('unsafe-none');
  });

  it('never serves source maps, even when the build has them', async () => {
    const map = await fetch(`${base}/assets/app-abc123.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('sources');
  });

  it('streams a flow’s run events over SSE', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/trpc/runs.events?input=${encodeURIComponent(JSON.stringify({ flowId: 'flow-1' }))}`, {
      headers: { accept: 'text/event-stream', cookie },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    await waitFor(() => (app.bus.subscriberCount('flow-1') > 0 ? true : undefined));
    app.bus.publish('flow-1', {
      type: 'run',
      run: {
        id: 'run-1', flowId: 'flow-1', flowVersion: 1, status: 'running', trigger: { type: 'manual', nodeId: 't' }, userId: 'u', actedAs: { id: 'u', name: 'Ann', email: 'ann@example.com' },
        startedAt: '2024-01-01T00:00:00.000Z', finishedAt: null, durationMs: null, error: null, attempt: 1, rerunOf: null,
      },
    });
    let text = '';
    const decoder = new TextDecoder();
    while (!text.includes('run-1')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    expect(text).toContain('"id":"run-1"');
    controller.abort();
    await waitFor(() => (app.bus.subscriberCount('flow-1') === 0 ? true : undefined));
  });
});
