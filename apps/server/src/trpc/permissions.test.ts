import { can, permissions, roles, type Role } from '@flowyard/engine';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';
import { appRouter } from './app-router';
import type { Access } from './init';

const accessSchema = z.union([z.literal('public'), z.literal('authed'), z.enum(permissions)]);
const procedureDefSchema = z.object({ type: z.enum(['query', 'mutation', 'subscription']), meta: z.object({ access: accessSchema }).optional() });

/** Every procedure of the router by dotted path, with the access its base procedure declared. */
function procedureTable(): { path: string; type: string; access: Access | undefined }[] {
  return Object.entries(appRouter._def.procedures).map(([path, procedure]) => {
    const def = procedureDefSchema.parse(Reflect.get(Object(procedure), '_def'));
    return { path, type: def.type, access: def.meta?.access };
  });
}

const table = procedureTable();
const accessOf = (path: string): Access | undefined => table.find((p) => p.path === path)?.access;

/** Calls `path` on a caller (a tRPC caller proxy) with `input`; resolves to the error code, or 'OK'. */
async function outcome(caller: unknown, path: string, input: unknown): Promise<string> {
  let target: unknown = caller;
  for (const segment of path.split('.')) target = Reflect.get(Object(target), segment);
  if (typeof target !== 'function') throw new Error(`no procedure at ${path}`);
  try {
    const result: unknown = await target(input);
    // A subscription's checks run when it is called; its stream is not needed here.
    if (result !== null && typeof result === 'object' && Symbol.asyncIterator in result) {
      const iterator = Reflect.get(result, Symbol.asyncIterator);
      if (typeof iterator === 'function') await Reflect.apply(iterator, result, []).return?.();
    }
    return 'OK';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return (await apiErrorOf(Promise.reject(error))).code;
  }
}

let app: TestApp;
const callers = new Map<Role, unknown>();

beforeAll(async () => {
  app = await createTestApp();
  callers.set('admin', app.caller);
  for (const role of roles.filter((r) => r !== 'admin')) callers.set(role, (await app.createUser(role)).caller);
});
afterAll(async () => {
  await app.close();
});

describe('the permission wiring of every procedure', () => {
  it('declares its access on every procedure (build each from publicProcedure, authedProcedure or procedureWith)', () => {
    expect(table.length).toBeGreaterThan(40);
    expect(table.filter((p) => p.access === undefined).map((p) => p.path)).toEqual([]);
  });

  it('keeps sign-in, the session and sign-out the only public procedures', () => {
    expect(table.filter((p) => p.access === 'public').map((p) => p.path).sort()).toEqual(['auth.session', 'auth.signIn', 'auth.signOut']);
  });

  it('puts each procedure group behind the permission of SPEC §9', () => {
    const expected: Record<string, Access> = {
      'me.get': 'authed',
      'users.list': 'users.manage',
      'users.create': 'users.manage',
      'users.update': 'users.manage',
      'users.search': 'authed',
      'users.get': 'authed',
      'apiKeys.list': 'apiKeys.own',
      'apiKeys.create': 'apiKeys.own',
      'apiKeys.revoke': 'apiKeys.own',
      'workflows.list': 'flows.edit',
      'endpoints.create': 'flows.edit',
      'endpoints.list': 'flows.edit',
      'flows.save': 'flows.edit',
      'customSteps.create': 'flows.edit',
      'constants.set': 'flows.edit',
      'libraries.save': 'flows.edit',
      'runs.start': 'flows.edit',
      'runs.list': 'runs.view',
      'runs.get': 'runs.view',
      'runs.events': 'runs.view',
      'scripts.test': 'flows.edit',
    };
    for (const [path, access] of Object.entries(expected)) expect({ path, access: accessOf(path) }).toEqual({ path, access });
  });

  // Permission checks run before the input is parsed, so an empty input tells them apart:
  // a role lacking the permission gets FORBIDDEN, one holding it gets past to the input
  // check (or the result). Nobody signed in gets UNAUTHORIZED.
  describe.each(roles)('as %s', (role) => {
    it('is allowed or FORBIDDEN exactly as the permission table says', async () => {
      const caller = callers.get(role);
      const rows: { path: string; allowed: boolean; code: string }[] = [];
      for (const { path, access } of table) {
        if (access === undefined || path === 'auth.signOut') continue;
        const allowed = access === 'public' || access === 'authed' || can(role, access);
        rows.push({ path, allowed, code: await outcome(caller, path, {}) });
      }
      const wrong = rows.filter((row) => (row.allowed ? row.code === 'FORBIDDEN' || row.code === 'UNAUTHORIZED' : row.code !== 'FORBIDDEN'));
      expect(wrong).toEqual([]);
      expect(rows.some((row) => !row.allowed) || role === 'admin').toBe(true);
      // The permission check comes first; the input is looked at only for those who pass it.
      expect(rows.find((row) => row.path === 'endpoints.create')?.code).toBe(can(role, 'flows.edit') ? 'VALIDATION_FAILED' : 'FORBIDDEN');
    });
  });

  it('answers UNAUTHORIZED to nobody for everything but sign-in, the session and sign-out', async () => {
    const nobody = app.callerAs(null);
    const codes: { path: string; code: string }[] = [];
    for (const { path, access } of table) if (access !== 'public') codes.push({ path, code: await outcome(nobody, path, {}) });
    expect(codes.filter((c) => c.code !== 'UNAUTHORIZED')).toEqual([]);
    expect(await nobody.auth.session()).toBeNull();
  });
});

describe('representative calls with valid input', () => {
  const endpointInput = () => ({ workflowId: app.workflowId, name: `Target ${Math.random()}`, baseUrl: 'https://api.example.com', auth: { type: 'none' as const } });

  it('a Standard User calling a Developer procedure gets FORBIDDEN with the SPEC code; a Developer succeeds', async () => {
    const standard = await app.createUser('standard');
    const developer = await app.createUser('developer');
    const refused = await apiErrorOf(standard.caller.endpoints.create(endpointInput()));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', trpcCode: 'FORBIDDEN', details: { permission: 'flows.edit', role: 'standard' } });
    expect(refused.message).toContain('Standard User');
    expect(await developer.caller.endpoints.create(endpointInput())).toMatchObject({ baseUrl: 'https://api.example.com' });
    expect(await apiErrorOf(standard.caller.workflows.list())).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a REST Web Service User reads users but cannot edit flows or see runs; a Developer cannot manage users', async () => {
    const rest = await app.createUser('rest');
    const developer = await app.createUser('developer');
    expect((await rest.caller.users.get({ id: app.admin.id })).email).toBe('admin@localhost');
    expect(await apiErrorOf(rest.caller.flows.create({ workflowId: app.workflowId, name: 'No' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await apiErrorOf(rest.caller.runs.list({ flowId: 'x' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await apiErrorOf(developer.caller.users.create({ name: 'N', email: 'n@example.com', role: 'admin', password: 'password123' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await apiErrorOf(developer.caller.users.get({ id: app.admin.id }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
