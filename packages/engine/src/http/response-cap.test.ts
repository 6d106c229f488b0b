import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ResolvedAuth } from '../endpoint/auth';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { FlowyardError } from '../errors/flowyard-error';
import type { HttpExchange } from '../run/run-record';
import { startLocalServer, type LocalHandler, type LocalServer } from '../testing/local-server';
import { DEFAULT_MAX_RESPONSE_BYTES } from './capped-body';
import { createHttpClient } from './http-client';
import type { HttpRequestSpec } from './http-types';
import { MAX_RECORDED_BODY_BYTES } from './truncate';

const MiB = 1024 * 1024;
const client = createHttpClient({ maxResponseBytes: MiB });
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(() => client.close());

async function serve(handler: LocalHandler): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  servers.push(server);
  return server;
}

const endpoint = (baseUrl: string, auth: ResolvedAuth = { type: 'none' }): ResolvedEndpoint => ({ id: 'ep-1', name: 'Target', baseUrl, trustSelfSigned: false, auth });
const request = (ep: ResolvedEndpoint, overrides: Partial<HttpRequestSpec> = {}): HttpRequestSpec => ({
  endpoint: ep,
  method: 'GET',
  path: '/',
  headers: {},
  body: null,
  autoEncodeURI: true,
  timeoutMs: 10_000,
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<FlowyardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FlowyardError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

/** Streams `total` bytes of 'x' (no Content-Length), honouring back-pressure; `sent` says how far it got before the client left. */
function stream(res: ServerResponse, total: number, progress: { sent: number }): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  res.setHeader('Content-Type', 'text/plain');
  const pump = (): void => {
    while (progress.sent < total && !res.destroyed) {
      progress.sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

describe('response bodies are capped while streaming (RESPONSE_TOO_LARGE)', () => {
  it('stops reading a 200 MiB answer soon after the cap, and records the exchange with its first 64 KiB', async () => {
    const progress = { sent: 0 };
    const server = await serve((_req, res) => stream(res, 200 * MiB, progress));
    const exchanges: HttpExchange[] = [];
    const error = await failure(client.send(request(endpoint(server.url), { path: '/huge' }), (x) => exchanges.push(x)));

    expect(error.code).toBe('RESPONSE_TOO_LARGE');
    expect(error.message).toContain(`${server.url}/huge`);
    expect(error.message).toContain('1 MiB');
    expect(error.details).toEqual({ url: `${server.url}/huge`, maxBytes: MiB });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({ status: 200, responseBodyTruncated: true, error: { code: 'RESPONSE_TOO_LARGE' } });
    expect(exchanges[0]?.responseBody).toBe('x'.repeat(MAX_RECORDED_BODY_BYTES));
    // The server noticed the client leaving long before it sent everything.
    await expect.poll(() => server.requests.length).toBe(1);
    expect(progress.sent).toBeLessThan(32 * MiB);
  });

  it('refuses a body whose Content-Length is over the cap after reading only what is recorded', async () => {
    const progress = { sent: 0 };
    const server = await serve((_req, res) => {
      res.setHeader('Content-Length', String(50 * MiB));
      stream(res, 50 * MiB, progress);
    });
    const exchanges: HttpExchange[] = [];
    const error = await failure(client.send(request(endpoint(server.url)), (x) => exchanges.push(x)));
    expect(error.code).toBe('RESPONSE_TOO_LARGE');
    expect(exchanges[0]).toMatchObject({ responseBodyTruncated: true, error: { code: 'RESPONSE_TOO_LARGE' } });
  });

  it('passes a body of exactly the cap, and a HEAD answer that declares more than it', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'HEAD') {
        res.setHeader('Content-Length', String(50 * MiB));
        res.end();
      } else res.end('y'.repeat(MiB));
    });
    expect((await client.send(request(endpoint(server.url)), () => {})).body).toHaveLength(MiB);
    expect(await client.send(request(endpoint(server.url), { method: 'HEAD' }), () => {})).toMatchObject({ status: 200, body: '' });
  });

  it('caps the decompressed body too: a small gzip that unpacks to 50 MiB fails', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * MiB, 'z'));
    expect(bomb.length).toBeLessThan(MiB);
    const server = await serve((_req, res) => {
      res.setHeader('Content-Encoding', 'gzip');
      res.end(bomb);
    });
    const exchanges: HttpExchange[] = [];
    const error = await failure(client.send(request(endpoint(server.url), { headers: { 'Accept-Encoding': 'gzip' } }), (x) => exchanges.push(x)));
    expect(error.code).toBe('RESPONSE_TOO_LARGE');
    expect(exchanges[0]?.error?.code).toBe('RESPONSE_TOO_LARGE');
  });

  it('applies to token and login requests too', async () => {
    const progress = { sent: 0 };
    const server = await serve((_req, res) => stream(res, 20 * MiB, progress));
    const exchanges: HttpExchange[] = [];
    const remedy: ResolvedAuth = { type: 'remedy', username: 'ann', password: 'remedy-password-1' };
    const error = await failure(client.send(request(endpoint(server.url, remedy)), (x) => exchanges.push(x)));
    expect(error.code).toBe('RESPONSE_TOO_LARGE');
    expect(exchanges[0]).toMatchObject({ url: `${server.url}/api/jwt/login`, error: { code: 'RESPONSE_TOO_LARGE' } });
  });

  it('defaults to 10 MiB', async () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(10 * MiB);
    const progress = { sent: 0 };
    const server = await serve((_req, res) => stream(res, 11 * MiB, progress));
    const defaults = createHttpClient();
    try {
      const error = await failure(defaults.send(request(endpoint(server.url)), () => {}));
      expect(error.details).toMatchObject({ maxBytes: 10 * MiB });
    } finally {
      await defaults.close();
    }
  });
});
