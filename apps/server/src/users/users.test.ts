import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('users.create / list / update', () => {
  it('creates users with a role, lower-cases emails and never returns password hashes', async () => {
    const created = await app.caller.users.create({ name: ' Rita Rest ', email: 'Rita@Example.com', role: 'rest', password: 'password123' });
    expect(created).toEqual({ id: expect.any(String), name: 'Rita Rest', email: 'rita@example.com', role: 'rest', disabled: false, createdAt: expect.any(String) });
    const list = await app.caller.users.list();
    expect(list.map((u) => u.email)).toEqual(['admin@localhost', 'rita@example.com']);
    expect(JSON.stringify(list)).not.toContain('$2');
    expect((await app.services.auth.signIn({ email: 'RITA@example.com', password: 'password123' })).user.id).toBe(created.id);
  });

  it('refuses a taken email with CONFLICT on the email field, and bad fields with VALIDATION_FAILED naming them', async () => {
    expect(await apiErrorOf(app.caller.users.create({ name: 'Again', email: 'ADMIN@localhost', role: 'admin', password: 'password123' }))).toMatchObject({
      code: 'CONFLICT',
      issues: [{ path: 'email', message: 'Another user has this email' }],
    });
    // @ts-expect-error: a role that does not exist, as a client might send it
    const bad = await apiErrorOf(app.caller.users.create({ name: '', email: 'no-at-sign', role: 'owner', password: 'short' }));
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.issues.map((i) => i.path).sort()).toEqual(['email', 'name', 'password', 'role']);
    expect(await apiErrorOf(app.caller.users.create({ name: 'Long', email: 'l@example.com', role: 'standard', password: 'é'.repeat(40) }))).toMatchObject({
      issues: [{ path: 'password', message: 'Password must be at most 72 bytes' }],
    });
    expect(await app.caller.users.list()).toHaveLength(1);
  });

  it('changes name, role and disabled; NOT_FOUND for an unknown id', async () => {
    const { user } = await app.createUser('standard');
    expect(await app.caller.users.update({ id: user.id, name: 'Renamed', role: 'developer', disabled: true })).toMatchObject({
      name: 'Renamed',
      role: 'developer',
      disabled: true,
    });
    expect(await apiErrorOf(app.caller.users.update({ id: 'missing', name: 'X' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never leaves Flowyard without an enabled admin', async () => {
    expect(await apiErrorOf(app.caller.users.update({ id: app.admin.id, role: 'developer' }))).toMatchObject({
      code: 'CONFLICT',
      issues: [{ path: 'role', message: 'Flowyard needs at least one enabled admin' }],
    });
    expect(await apiErrorOf(app.caller.users.update({ id: app.admin.id, disabled: true }))).toMatchObject({ code: 'CONFLICT', issues: [{ path: 'disabled' }] });
    expect((await app.caller.me.get()).role).toBe('admin');

    // A disabled second admin does not count; an enabled one does.
    const second = await app.createUser('admin');
    await app.caller.users.update({ id: second.user.id, disabled: true });
    expect(await apiErrorOf(app.caller.users.update({ id: app.admin.id, role: 'standard' }))).toMatchObject({ code: 'CONFLICT' });
    await app.caller.users.update({ id: second.user.id, disabled: false });
    expect(await app.caller.users.update({ id: app.admin.id, role: 'developer' })).toMatchObject({ role: 'developer' });
    expect(await apiErrorOf(second.caller.users.update({ id: second.user.id, disabled: true }))).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('users.search / users.get', () => {
  it('finds everyone for a REST Web Service User, and only oneself for a Standard User', async () => {
    const rest = await app.createUser('rest', 'Rest Caller');
    const standard = await app.createUser('standard', 'Sam Standard');
    await app.createUser('developer', 'Sam Developer');
    expect((await rest.caller.users.search({ text: 'sam' })).map((u) => u.name)).toEqual(['Sam Developer', 'Sam Standard']);
    expect((await rest.caller.users.search({ text: '' })).length).toBe(4);
    expect((await standard.caller.users.search({ text: 'sam' })).map((u) => u.name)).toEqual(['Sam Standard']);
    expect(await standard.caller.users.search({ text: 'developer' })).toEqual([]);
    // Email matches too, case-insensitively.
    expect((await rest.caller.users.search({ text: 'ADMIN@' })).map((u) => u.email)).toEqual(['admin@localhost']);
    // LIKE wildcards are plain text.
    expect(await rest.caller.users.search({ text: '%' })).toEqual([]);
  });

  it('reads oneself always, others only with users.read', async () => {
    const standard = await app.createUser('standard');
    const rest = await app.createUser('rest');
    expect(await standard.caller.users.get({ id: standard.user.id })).toEqual(standard.user);
    expect(await apiErrorOf(standard.caller.users.get({ id: rest.user.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await rest.caller.users.get({ id: standard.user.id })).toEqual(standard.user);
    expect(await apiErrorOf(rest.caller.users.get({ id: 'missing' }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
