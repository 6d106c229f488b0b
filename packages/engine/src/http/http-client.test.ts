import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedAuth } from '../endpoint/auth';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { FlowyardError } from '../errors/flowyard-error';
import type { HttpExchange } from '../run/run-record';
import { closedPort, startLocalServer, type LocalHandler, type LocalServer } from '../testing/local-server';
import { createHttpClient } from './http-client';
import type { HttpRequestSpec } from './http-types';

const client = createHttpClient();
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(() => client.close());

async function serve(handler: LocalHandler, options: Parameters<typeof startLocalServer>[1] = {}): Promise<LocalServer> {
  const server = await startLocalServer(handler, options);
  servers.push(server);
  return server;
}

function endpoint(baseUrl: string, auth: ResolvedAuth = { type: 'none' }, trustSelfSigned = false): ResolvedEndpoint {
  return { id: 'ep-1', name: 'Target', baseUrl, trustSelfSigned, auth };
}

function request(ep: ResolvedEndpoint, overrides: Partial<HttpRequestSpec> = {}): HttpRequestSpec {
  return { endpoint: ep, method: 'GET', path: '/', headers: {}, body: null, autoEncodeURI: true, timeoutMs: 5_000, ...overrides };
}

async function failure(promise: Promise<unknown>): Promise<FlowyardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FlowyardError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const basicOf = (user: string, pass: string): string => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('createHttpClient', () => {
  it('joins the path, sends headers and body, and reports the exchange', async () => {
    const server = await serve((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('X-Multi', ['a', 'b']);
      res.end(JSON.stringify({ got: req.body }));
    });
    const exchanges: HttpExchange[] = [];
    const response = await client.send(
      request(endpoint(`${server.url}/api`), { method: 'POST', path: 'items?x=1', headers: { 'Content-Type': 'text/plain', 'X-Trace': 't1' }, body: 'hello' }),
      (x) => exchanges.push(x),
    );

    expect(response).toMatchObject({ status: 200, statusText: 'OK', body: '{"got":"hello"}' });
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-multi']).toBe('a, b');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/api/items?x=1', body: 'hello' });
    expect(server.requests[0]?.headers).toMatchObject({ 'x-trace': 't1', 'content-type': 'text/plain', 'user-agent': 'Flowyard' });

    expect(exchanges).toHaveLength(1);
    const [x] = exchanges;
    expect(x).toMatchObject({
      method: 'POST',
      url: `${server.url}/api/items?x=1`,
      requestBody: 'hello',
      requestBodyTruncated: false,
      status: 200,
      statusText: 'OK',
      responseBody: '{"got":"hello"}',
      responseBodyTruncated: false,
      error: null,
    });
    expect(x?.requestHeaders).toMatchObject({ 'X-Trace': 't1', 'user-agent': 'Flowyard' });
    expect(x?.responseHeaders['content-type']).toBe('application/json');
    expect(Number.isNaN(Date.parse(x?.startedAt ?? ''))).toBe(false);
    expect(x?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('percent-encodes unsafe characters on the wire without double-encoding %XX', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    await client.send(request(endpoint(`${server.url}/base/`), { path: '/a b/%20c/caf\u00e9?q=x y&r=%41' }), () => {});
    expect(server.requests[0]?.url).toBe('/base/a%20b/%20c/caf%C3%A9?q=x%20y&r=%41');
  });

  it('sends a verbatim path as written when autoEncodeURI is off, and refuses an invalid one before sending', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    await client.send(request(endpoint(server.url), { path: 'raw%2Fpath?a=b', autoEncodeURI: false }), () => {});
    expect(server.requests[0]?.url).toBe('/raw%2Fpath?a=b');

    const exchanges: HttpExchange[] = [];
    const error = await failure(client.send(request(endpoint(server.url), { path: '/a b', autoEncodeURI: false }), (x) => exchanges.push(x)));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(server.requests).toHaveLength(1);
    expect(exchanges).toHaveLength(0);
  });

  it('refuses invalid or managed headers with VALIDATION_FAILED naming the header', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    const bad = await failure(client.send(request(endpoint(server.url), { headers: { 'X-Evil': 'a\r\nInjected: yes' } }), () => {}));
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.message).toContain('X-Evil');
    const badName = await failure(client.send(request(endpoint(server.url), { headers: { 'Bad Name': 'x' } }), () => {}));
    expect(badName.message).toContain('Bad Name');
    const managed = await failure(client.send(request(endpoint(server.url), { headers: { 'Content-Length': '3' } }), () => {}));
    expect(managed.message).toContain('Content-Length');
    expect(server.requests).toHaveLength(0);
  });

  it('reuses keep-alive connections for the same origin', async () => {
    const sockets = new Set<unknown>();
    const server = await serve((req, res) => {
      sockets.add(req.socket);
      res.end('ok');
    });
    for (let i = 0; i < 10; i++) await client.send(request(endpoint(server.url), { path: `/${i}` }), () => {});
    expect(server.requests).toHaveLength(10);
    // Undici may open a second connection while the first is being released; never one per request.
    expect(sockets.size).toBeLessThanOrEqual(2);
  });

  it('decodes gzip bodies and non-UTF-8 charsets', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/gzip') {
        res.setHeader('Content-Encoding', 'gzip');
        res.end(gzipSync('compressed text'));
      } else {
        res.setHeader('Content-Type', 'text/plain; charset=iso-8859-1');
        res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      }
    });
    expect((await client.send(request(endpoint(server.url), { path: '/gzip', headers: { 'Accept-Encoding': 'gzip' } }), () => {})).body).toBe('compressed text');
    expect((await client.send(request(endpoint(server.url), { path: '/latin1' }), () => {})).body).toBe('caf\u00e9');
  });
});

describe('Basic authentication (SPEC §3)', () => {
  const challenging: LocalHandler = (req, res) => {
    if (req.headers.authorization === basicOf('ann', 's3cret-pass')) {
      res.end('welcome');
      return;
    }
    res.statusCode = 401;
    res.setHeader('WWW-Authenticate', 'Basic realm="target", charset="UTF-8"');
    res.end('who are you?');
  };

  it('preemptive: sends credentials on the first and every request', async () => {
    const server = await serve(challenging);
    const ep = endpoint(server.url, { type: 'basic', username: 'ann', password: 's3cret-pass', preemptive: true });
    const exchanges: HttpExchange[] = [];
    const first = await client.send(request(ep), (x) => exchanges.push(x));
    const second = await client.send(request(ep, { path: '/again' }), (x) => exchanges.push(x));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([basicOf('ann', 's3cret-pass'), basicOf('ann', 's3cret-pass')]);
    expect(exchanges).toHaveLength(2);
    expect(exchanges[0]?.requestHeaders.authorization).toBe('[redacted]');
  });

  it('not preemptive: sends without credentials, then once with them after a Basic challenge', async () => {
    const server = await serve(challenging);
    const ep = endpoint(server.url, { type: 'basic', username: 'ann', password: 's3cret-pass', preemptive: false });
    const exchanges: HttpExchange[] = [];
    const response = await client.send(request(ep, { method: 'POST', path: '/submit', body: 'payload', headers: { 'Content-Type': 'text/plain' } }), (x) =>
      exchanges.push(x),
    );
    expect(response).toMatchObject({ status: 200, body: 'welcome' });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests[1]?.headers.authorization).toBe(basicOf('ann', 's3cret-pass'));
    expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/submit', 'payload'],
      ['POST', '/submit', 'payload'],
    ]);
    expect(exchanges.map((x) => x.status)).toEqual([401, 200]);
    expect(exchanges[0]?.requestHeaders.authorization).toBeUndefined();
    expect(exchanges[1]?.requestHeaders.authorization).toBe('[redacted]');
  });

  it('not preemptive: repeats only once when the credentials are refused', async () => {
    const server = await serve(challenging);
    const ep = endpoint(server.url, { type: 'basic', username: 'ann', password: 'wrong-password', preemptive: false });
    const exchanges: HttpExchange[] = [];
    const response = await client.send(request(ep), (x) => exchanges.push(x));
    expect(response.status).toBe(401);
    expect(server.requests).toHaveLength(2);
    expect(exchanges.map((x) => x.status)).toEqual([401, 401]);
  });

  it('not preemptive: does not send credentials for a 401 without a Basic challenge', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 401;
      res.setHeader('WWW-Authenticate', 'Bearer realm="api"');
      res.end();
    });
    const ep = endpoint(server.url, { type: 'basic', username: 'ann', password: 's3cret-pass', preemptive: false });
    const response = await client.send(request(ep), () => {});
    expect(response.status).toBe(401);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('accepts a Basic challenge offered after another scheme', async () => {
    const server = await serve((req, res) => {
      if (req.headers.authorization) return void res.end('ok');
      res.statusCode = 401;
      res.setHeader('WWW-Authenticate', ['Negotiate', 'Basic realm="x"']);
      res.end();
    });
    const ep = endpoint(server.url, { type: 'basic', username: 'ann', password: 's3cret-pass', preemptive: false });
    expect((await client.send(request(ep), () => {})).status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });
});

describe('errors', () => {
  it('connection refused → HTTP_CONNECT_FAILED, and the failed exchange is reported', async () => {
    const port = await closedPort();
    const exchanges: HttpExchange[] = [];
    const error = await failure(client.send(request(endpoint(`http://127.0.0.1:${port}`), { path: '/x' }), (x) => exchanges.push(x)));
    expect(error.code).toBe('HTTP_CONNECT_FAILED');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({ url: `http://127.0.0.1:${port}/x`, status: null, responseBody: null, error: { code: 'HTTP_CONNECT_FAILED' } });
  });

  it('unknown host → HTTP_CONNECT_FAILED', async () => {
    const error = await failure(client.send(request(endpoint('http://does-not-exist.invalid')), () => {}));
    expect(error.code).toBe('HTTP_CONNECT_FAILED');
  });

  it('a server that never answers → HTTP_TIMEOUT after timeoutMs', async () => {
    const server = await serve(() => {});
    const exchanges: HttpExchange[] = [];
    const started = Date.now();
    const error = await failure(client.send(request(endpoint(server.url), { timeoutMs: 300 }), (x) => exchanges.push(x)));
    const elapsed = Date.now() - started;
    expect(error.code).toBe('HTTP_TIMEOUT');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(3_000);
    expect(exchanges[0]).toMatchObject({ status: null, error: { code: 'HTTP_TIMEOUT' } });
  });

  it('a body that stalls after the headers → HTTP_TIMEOUT with the status recorded', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('partial');
    });
    const exchanges: HttpExchange[] = [];
    const error = await failure(client.send(request(endpoint(server.url), { timeoutMs: 300 }), (x) => exchanges.push(x)));
    expect(error.code).toBe('HTTP_TIMEOUT');
    expect(exchanges[0]).toMatchObject({ status: 200, error: { code: 'HTTP_TIMEOUT' } });
  });

  it('a connection dropped mid-response → HTTP_CONNECT_FAILED', async () => {
    const server = await serve((req) => req.socket.destroy());
    const error = await failure(client.send(request(endpoint(server.url)), () => {}));
    expect(error.code).toBe('HTTP_CONNECT_FAILED');
  });

  it('a cancelled run aborts the request', async () => {
    const server = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(client.send(request(endpoint(server.url), { signal: controller.signal, timeoutMs: 10_000 }), () => {}));
    expect(error.code).toBe('HTTP_CONNECT_FAILED');
    expect(error.details).toMatchObject({ cancelled: true });
  });

  it('a run already stopped sends nothing and records the cancelled exchange', async () => {
    let received = 0;
    const server = await serve((_req, res) => {
      received++;
      res.end('ok');
    });
    const exchanges: HttpExchange[] = [];
    const error = await failure(client.send(request(endpoint(server.url), { signal: AbortSignal.abort(), timeoutMs: 10_000 }), (x) => exchanges.push(x)));
    expect(error.code).toBe('HTTP_CONNECT_FAILED');
    expect(error.details).toMatchObject({ cancelled: true });
    expect(exchanges).toMatchObject([{ status: null, error: { code: 'HTTP_CONNECT_FAILED' } }]);
    expect(received).toBe(0);
  });

  it('cancelling a run aborts every request it has open, also while a body is read', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/head') return;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('partial');
    });
    const controller = new AbortController();
    const exchanges: HttpExchange[] = [];
    const spec = (path: string) => request(endpoint(server.url), { path, signal: controller.signal, timeoutMs: 10_000 });
    const both = Promise.all([failure(client.send(spec('/head'), (x) => exchanges.push(x))), failure(client.send(spec('/body'), (x) => exchanges.push(x)))]);
    setTimeout(() => controller.abort(), 100);
    const errors = await both;
    expect(errors.map((error) => [error.code, error.details['cancelled']])).toEqual([
      ['HTTP_CONNECT_FAILED', true],
      ['HTTP_CONNECT_FAILED', true],
    ]);
    expect(exchanges.map((x) => x.status).sort()).toEqual([200, null]);
  });
});

describe('recorded exchanges', () => {
  it('redacts credential headers in both directions and scrubs the password from bodies', async () => {
    const server = await serve((req, res) => {
      res.setHeader('Set-Cookie', 'session=abc123');
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ echoedAuth: req.headers.authorization, password: 'canary-7f3a9c', cookie: req.headers.cookie }));
    });
    const ep = endpoint(server.url, { type: 'basic', username: 'ann', password: 'canary-7f3a9c', preemptive: true });
    const exchanges: HttpExchange[] = [];
    const response = await client.send(
      request(ep, { headers: { Cookie: 'theme=dark', 'Proxy-Authorization': 'Basic xyz', 'X-Api-Key': 'k-123' }, method: 'POST', body: 'my canary-7f3a9c' }),
      (x) => exchanges.push(x),
    );
    // The step sees the real response; only the record is redacted.
    expect(response.body).toContain('canary-7f3a9c');
    const x = exchanges[0];
    expect(x?.requestHeaders).toMatchObject({ authorization: '[redacted]', Cookie: '[redacted]', 'Proxy-Authorization': '[redacted]', 'X-Api-Key': '[redacted]' });
    expect(x?.responseHeaders['set-cookie']).toBe('[redacted]');
    expect(JSON.stringify(x)).not.toContain('canary-7f3a9c');
    expect(JSON.stringify(x)).not.toContain(basicOf('ann', 'canary-7f3a9c').slice(6));
    expect(x?.requestBody).toBe('my [redacted]');
  });

  it('truncates recorded bodies at 64 KiB but returns the full body', async () => {
    const big = 'x'.repeat(100 * 1024);
    const server = await serve((_req, res) => res.end(big));
    const exchanges: HttpExchange[] = [];
    const requestBody = '\u00e9'.repeat(40 * 1024); // 80 KiB of two-byte characters
    const response = await client.send(request(endpoint(server.url), { method: 'PUT', body: requestBody, headers: { 'Content-Type': 'text/plain' } }), (x) =>
      exchanges.push(x),
    );
    expect(response.body).toHaveLength(big.length);
    expect(server.requests[0]?.body).toBe(requestBody);
    const x = exchanges[0];
    expect(x?.responseBodyTruncated).toBe(true);
    expect(x?.responseBody).toHaveLength(64 * 1024);
    expect(x?.requestBodyTruncated).toBe(true);
    expect(x?.requestBody).toBe('\u00e9'.repeat(32 * 1024));
  });

  it('keeps bodies of exactly 64 KiB whole', async () => {
    const exact = 'y'.repeat(64 * 1024);
    const server = await serve((_req, res) => res.end(exact));
    const exchanges: HttpExchange[] = [];
    await client.send(request(endpoint(server.url)), (x) => exchanges.push(x));
    expect(exchanges[0]).toMatchObject({ responseBody: exact, responseBodyTruncated: false });
  });
});

describe('TLS', () => {
  const cert = (name: string) => ({
    key: readFileSync(new URL(`./test-certs/${name}.key`, import.meta.url), 'utf8'),
    cert: readFileSync(new URL(`./test-certs/${name}.crt`, import.meta.url), 'utf8'),
  });
  let selfSigned: LocalServer;
  let otherHost: LocalServer;
  let expired: LocalServer;
  beforeAll(async () => {
    const ok: LocalHandler = (_req, res) => res.end('secure hello');
    [selfSigned, otherHost, expired] = await Promise.all([
      startLocalServer(ok, { tls: cert('self-signed') }),
      startLocalServer(ok, { tls: cert('other-host') }),
      startLocalServer(ok, { tls: cert('expired') }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([selfSigned.close(), otherHost.close(), expired.close()]);
  });

  it('refuses a self-signed certificate unless the endpoint trusts self-signed ones, with certificate details', async () => {
    const error = await failure(client.send(request(endpoint(selfSigned.url)), () => {}));
    expect(error.code).toBe('TLS_UNTRUSTED_CERT');
    expect(error.details).toMatchObject({
      certificate: { subject: 'CN=localhost', issuer: 'CN=localhost', subjectAltNames: ['DNS:localhost', 'IP Address:127.0.0.1'] },
    });
    expect(selfSigned.requests).toHaveLength(0);

    const response = await client.send(request(endpoint(selfSigned.url, { type: 'none' }, true)), () => {});
    expect(response).toMatchObject({ status: 200, body: 'secure hello' });
  });

  it('trusting self-signed still requires the host name to match', async () => {
    const error = await failure(client.send(request(endpoint(otherHost.url, { type: 'none' }, true)), () => {}));
    expect(error.code).toBe('TLS_HOSTNAME_MISMATCH');
    expect(otherHost.requests).toHaveLength(0);
  });

  it('trusting self-signed still requires the validity period', async () => {
    const error = await failure(client.send(request(endpoint(expired.url, { type: 'none' }, true)), () => {}));
    expect(error.code).toBe('TLS_CERT_EXPIRED');
    expect(error.details).toMatchObject({ certificate: { validTo: '2001-01-01T00:00:00.000Z' } });
    expect(expired.requests).toHaveLength(0);
  });

  it('strict TLS accepts a chain to a trusted CA and still checks the host name', async () => {
    const caSigned = await serve((_req, res) => res.end('trusted hello'), { tls: cert('ca-signed') });
    const caSignedOther = await serve((_req, res) => res.end('wrong host'), { tls: cert('ca-signed-other') });
    const ca = readFileSync(new URL('./test-certs/ca.crt', import.meta.url), 'utf8');
    const trusting = createHttpClient({ extraCaCertificates: [ca] });
    try {
      expect(await trusting.send(request(endpoint(caSigned.url)), () => {})).toMatchObject({ status: 200, body: 'trusted hello' });
      const mismatch = await failure(trusting.send(request(endpoint(caSignedOther.url)), () => {}));
      expect(mismatch.code).toBe('TLS_HOSTNAME_MISMATCH');
      expect(caSignedOther.requests).toHaveLength(0);
    } finally {
      await trusting.close();
    }
    // Without the CA the same chain is untrusted.
    const untrusted = await failure(client.send(request(endpoint(caSigned.url)), () => {}));
    expect(untrusted.code).toBe('TLS_UNTRUSTED_CERT');
    expect(untrusted.details).toMatchObject({ certificate: { subject: 'CN=ca-signed', issuer: 'CN=Flowyard Test CA' } });
  });

  it('an http endpoint pointed at a TLS server fails cleanly', async () => {
    const error = await failure(client.send(request(endpoint(selfSigned.url.replace('https:', 'http:')), { timeoutMs: 2_000 }), () => {}));
    expect(['HTTP_CONNECT_FAILED', 'HTTP_TIMEOUT']).toContain(error.code);
  });
});
