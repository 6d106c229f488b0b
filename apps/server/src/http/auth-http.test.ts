import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, testAdminPassword, type TestApp } from '../testing/test-app';
import { createApp } from './app';

let app: TestApp;
let server: Server;
let base: string;

const errorSchema = z.object({ error: z.object({ message: z.string(), data: z.looseObject({ code: z.string(), httpStatus: z.number() }) }) });
const resultSchema = z.object({ result: z.object({ data: z.unknown() }) });

beforeAll(async () => {
  // The public URL differs from the address the test uses, like a server behind a proxy.
  app = await createTestApp({ publicUrl: 'https://flowyard.example.com', access: { allowedOrigins: ['https://flows.internal.example:8443'], trustProxyHops: 0 } });
  server = createApp({ services: app.services, webDist: '/nonexistent' }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app.close();
});

const csrf = { 'x-flowyard-csrf': '1' };

function mutation(path: string, input: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });
}

function query(path: string, headers: Record<string, string> = {}, input?: unknown): Promise<Response> {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return fetch(`${base}/trpc/${path}${search}`, { headers });
}

async function errorCode(res: Response): Promise<string> {
  return errorSchema.parse(await res.json()).error.data.code;
}

async function signIn(email = 'admin@localhost', password = testAdminPassword): Promise<{ res: Response; cookie: string }> {
  const res = await mutation('auth.signIn', { email, password }, csrf);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { res, cookie: setCookie.split(';')[0] ?? '' };
}

describe('sign-in over HTTP', () => {
  it('sets an httpOnly, SameSite=Lax session cookie (Secure behind https) that signs later calls in', async () => {
    const { res, cookie } = await signIn();
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^flowyard_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    // Behind https, browsers are told to stay on https (this host only).
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(resultSchema.parse(await (await query('auth.session', { cookie })).json()).result.data).toMatchObject({ email: 'admin@localhost' });
    expect((await query('workflows.list', { cookie })).status).toBe(200);
  });

  it('answers 401 UNAUTHORIZED without a session, and null from auth.session', async () => {
    const res = await query('workflows.list');
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe('UNAUTHORIZED');
    expect(resultSchema.parse(await (await query('auth.session')).json()).result.data).toBeNull();
    expect((await query('workflows.list', { cookie: 'flowyard_session=forged' })).status).toBe(401);
  });

  it('refuses a wrong password with 401 and sets no cookie', async () => {
    const { res } = await signIn('admin@localhost', 'wrong password');
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('signs out: clears the cookie, and the old cookie no longer works', async () => {
    const { cookie } = await signIn();
    const out = await mutation('auth.signOut', {}, { ...csrf, cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toContain('flowyard_session=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0');
    expect((await query('workflows.list', { cookie })).status).toBe(401);
  });

  it('answers 403 FORBIDDEN to a signed-in role without the permission', async () => {
    const { user, password } = await app.createUser('standard');
    const { cookie } = await signIn(user.email, password);
    const res = await query('workflows.list', { cookie });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('FORBIDDEN');
  });
});

describe('cross-site protection', () => {
  it('refuses a mutation without the x-flowyard-csrf header, signed in or not, and changes nothing', async () => {
    const { cookie } = await signIn();
    const res = await mutation('flows.create', { workflowId: app.workflowId, name: 'Cross-site' }, { cookie });
    expect(res.status).toBe(403);
    expect(errorSchema.parse(await res.json()).error).toMatchObject({ message: expect.stringContaining('x-flowyard-csrf'), data: { code: 'FORBIDDEN' } });
    expect((await app.caller.flows.list({ workflowId: app.workflowId })).items).toEqual([]);
    // Login CSRF: signing a browser in needs the header too.
    expect((await mutation('auth.signIn', { email: 'admin@localhost', password: testAdminPassword })).status).toBe(403);
  });

  it('refuses requests from another origin, even the one the request was sent to (its Host), and accepts the public origin and the allowed ones', async () => {
    const { cookie } = await signIn();
    const evil = await mutation('flows.create', { workflowId: app.workflowId, name: 'Evil' }, { ...csrf, cookie, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(await errorCode(evil)).toBe('FORBIDDEN');
    expect((await query('workflows.list', { cookie, origin: 'https://evil.example' })).status).toBe(403);
    expect((await query('workflows.list', { cookie, origin: 'null' })).status).toBe(403);
    expect((await query('workflows.list', { cookie, origin: 'https://flowyard.example.com' })).status).toBe(200);
    expect((await query('workflows.list', { cookie, origin: 'https://flows.internal.example:8443' })).status).toBe(200);
    // The Host header names this address, but a page there is not Flowyard's public URL: a name
    // pointed at this server (DNS rebinding) must not vouch for itself.
    const sameHost = await mutation('flows.create', { workflowId: app.workflowId, name: 'Rebound' }, { ...csrf, cookie, origin: base });
    expect(sameHost.status).toBe(403);
    expect((await query('workflows.list', { cookie, origin: base })).status).toBe(403);
    expect((await app.caller.flows.list({ workflowId: app.workflowId })).items).toEqual([]);
  });

  it('answers a refused batch in the batch shape the web client reads', async () => {
    const res = await fetch(`${base}/trpc/flows.create,flows.create?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 0: { workflowId: app.workflowId, name: 'A' }, 1: { workflowId: app.workflowId, name: 'B' } }),
    });
    expect(res.status).toBe(403);
    const body = z.array(errorSchema).parse(await res.json());
    expect(body.map((item) => item.error.data.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });
});

describe('API keys over HTTP', () => {
  it('authenticates with Authorization: Bearer (no CSRF header needed) and refuses bad or revoked keys', async () => {
    const { key, apiKey } = await app.caller.apiKeys.create({ name: 'Script' });
    const created = await mutation('flows.create', { workflowId: app.workflowId, name: 'Made with a key' }, { authorization: `Bearer ${key}` });
    expect(created.status).toBe(200);
    const basic = Buffer.from(`anyone:${key}`).toString('base64');
    expect((await query('me.get', { authorization: `Basic ${basic}` })).status).toBe(200);
    expect((await query('me.get', { authorization: 'Bearer fy_not-a-real-key-at-all-000000000' })).status).toBe(401);
    await app.caller.apiKeys.revoke({ id: apiKey.id });
    expect((await query('me.get', { authorization: `Bearer ${key}` })).status).toBe(401);
  });

  it('does not fall back to the cookie when the Authorization header is wrong', async () => {
    const { cookie } = await signIn();
    expect((await query('me.get', { cookie, authorization: 'Bearer nonsense' })).status).toBe(401);
  });
});
