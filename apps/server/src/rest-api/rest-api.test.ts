import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startHookTestServer, type HookTestServer } from '../triggers/hook-test-server';

const listSchema = z.object({ users: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() })) });

let server: HookTestServer;
let standard: { user: { id: string }; key: string };
let rest: { user: { id: string }; key: string };
beforeAll(async () => {
  server = await startHookTestServer();
  standard = await server.userWithKey('standard', 'Sue Park');
  rest = await server.userWithKey('rest', 'Ray Park');
});
afterAll(() => server.close());

const get = (path: string, key?: string) => server.fetch(path, { headers: key === undefined ? {} : { 'x-api-key': key } });
const names = async (response: Response) => listSchema.parse(await response.json()).users.map((user) => user.name);

describe('REST API /api/v1/users', () => {
  it('needs an API key or run credential (401 with how to send one)', async () => {
    const none = await get('/api/v1/users');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(await none.json()).toMatchObject({ error: { code: 'UNAUTHORIZED', message: expect.stringContaining('Authorization: Bearer fy_') } });
    expect((await get('/api/v1/users', 'fyr_made-up')).status).toBe(401);
  });

  it('lets users.read search and read everyone', async () => {
    const all = await get('/api/v1/users?search=park', rest.key);
    expect(all.status).toBe(200);
    expect(await names(all)).toEqual(['Ray Park', 'Sue Park']);
    expect(await names(await get('/api/v1/users', rest.key))).toEqual(expect.arrayContaining(['Ray Park', 'Sue Park', 'Admin']));
    const other = await get(`/api/v1/users/${standard.user.id}`, rest.key);
    expect(other.status).toBe(200);
    expect(await other.json()).toMatchObject({ id: standard.user.id, name: 'Sue Park', role: 'standard', disabled: false });
    expect(JSON.stringify(await (await get('/api/v1/users', rest.key)).json())).not.toMatch(/password/i);
  });

  it('shows anyone else only their own record', async () => {
    expect(await names(await get('/api/v1/users?search=park', standard.key))).toEqual(['Sue Park']);
    expect(await names(await get('/api/v1/users?search=ray', standard.key))).toEqual([]);
    expect((await get(`/api/v1/users/${standard.user.id}`, standard.key)).status).toBe(200);
    const other = await get(`/api/v1/users/${rest.user.id}`, standard.key);
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('answers unknown users and routes with 404 and bad input with 400, as JSON', async () => {
    expect(await (await get('/api/v1/users/nobody', rest.key)).json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const unknown = await get('/api/v1/flows', rest.key);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const twice = await get('/api/v1/users?search=a&search=b', rest.key);
    expect(twice.status).toBe(400);
    expect((await get(`/api/v1/users?search=${'x'.repeat(201)}`, rest.key)).status).toBe(400);
  });
});
