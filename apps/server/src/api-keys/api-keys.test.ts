import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';
import { readApiKey } from './read-api-key';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('apiKeys.create / list / revoke', () => {
  it('shows a new key once, stores only its hash, and lists it by prefix', async () => {
    const { key, apiKey } = await app.caller.apiKeys.create({ name: 'CI' });
    expect(key).toMatch(/^fy_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ userId: app.admin.id, name: 'CI', prefix: key.slice(0, 9), lastUsedAt: null, revokedAt: null });
    const listed = await app.caller.apiKeys.list({});
    expect(listed).toEqual([apiKey]);
    expect(JSON.stringify(listed)).not.toContain(key);
    const rows = await app.sql.query('SELECT * FROM api_keys');
    expect(JSON.stringify(rows)).not.toContain(key);
    expect(rows[0]?.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
  });

  it('authenticates a key as its user, records when it was used, and refuses it once revoked', async () => {
    const rest = await app.createUser('rest');
    const { key, apiKey } = await rest.caller.apiKeys.create({ name: 'Trigger' });
    expect(await app.services.apiKeys.authenticate(key)).toMatchObject({ id: rest.user.id, role: 'rest' });
    const [used] = await rest.caller.apiKeys.list();
    expect(used?.lastUsedAt).toEqual(expect.any(String));

    expect(await rest.caller.apiKeys.revoke({ id: apiKey.id })).toMatchObject({ id: apiKey.id, revokedAt: expect.any(String) });
    expect(await app.services.apiKeys.authenticate(key)).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('revoked') });
    // Revoking again changes nothing.
    expect((await rest.caller.apiKeys.revoke({ id: apiKey.id })).revokedAt).toBe((await rest.caller.apiKeys.list())[0]?.revokedAt);
  });

  it('answers UNAUTHORIZED for unknown or malformed keys and FORBIDDEN for a disabled user', async () => {
    expect(await app.services.apiKeys.authenticate('fy_' + 'x'.repeat(43))).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await app.services.apiKeys.authenticate('not a key')).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await app.services.apiKeys.authenticate('')).toMatchObject({ code: 'UNAUTHORIZED' });
    const standard = await app.createUser('standard');
    const { key } = await app.caller.apiKeys.create({ userId: standard.user.id, name: 'For a standard user' });
    expect(await app.services.apiKeys.authenticate(key)).toMatchObject({ id: standard.user.id, role: 'standard' });
    await app.caller.users.update({ id: standard.user.id, disabled: true });
    expect(await app.services.apiKeys.authenticate(key)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('disabled') });
  });

  it('revokes a user’s keys when the user is disabled, so enabling them again does not bring the keys back', async () => {
    const rest = await app.createUser('rest');
    const { key, apiKey } = await app.caller.apiKeys.create({ userId: rest.user.id, name: 'Before disabling' });
    await app.caller.users.update({ id: rest.user.id, disabled: true });
    const [revoked] = await app.caller.apiKeys.list({ userId: rest.user.id });
    expect(revoked).toMatchObject({ id: apiKey.id, revokedAt: expect.any(String) });
    await app.caller.users.update({ id: rest.user.id, disabled: false });
    expect(await app.services.apiKeys.authenticate(key)).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('revoked') });
    // Disabling an already disabled user changes no revocation date; a key made afterwards works.
    expect((await app.caller.apiKeys.list({ userId: rest.user.id }))[0]?.revokedAt).toBe(revoked?.revokedAt);
    const { key: fresh } = await app.caller.apiKeys.create({ userId: rest.user.id, name: 'After enabling' });
    expect(await app.services.apiKeys.authenticate(fresh)).toMatchObject({ id: rest.user.id });
  });

  it('lets admins manage anyone’s keys, others only their own, and Standard Users none', async () => {
    const developer = await app.createUser('developer');
    const other = await app.createUser('rest');
    const standard = await app.createUser('standard');
    const { apiKey: adminMade } = await app.caller.apiKeys.create({ userId: other.user.id, name: 'Made by the admin' });
    expect(await app.caller.apiKeys.list({ userId: other.user.id })).toEqual([adminMade]);

    expect(await apiErrorOf(developer.caller.apiKeys.create({ userId: other.user.id, name: 'Not mine' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await apiErrorOf(developer.caller.apiKeys.list({ userId: other.user.id }))).toMatchObject({ code: 'FORBIDDEN' });
    // Someone else's key does not exist for the caller.
    expect(await apiErrorOf(developer.caller.apiKeys.revoke({ id: adminMade.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await other.caller.apiKeys.list())[0]?.revokedAt).toBeNull();
    expect((await developer.caller.apiKeys.create({ name: 'Mine' })).apiKey.userId).toBe(developer.user.id);

    expect(await apiErrorOf(standard.caller.apiKeys.create({ name: 'Mine' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await apiErrorOf(app.caller.apiKeys.create({ userId: 'missing', name: 'X' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await apiErrorOf(app.caller.apiKeys.create({ name: '  ' }))).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'name' }] });
  });
});

describe('readApiKey', () => {
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it('reads a Bearer key, or the password of Basic auth', () => {
    expect(readApiKey({ authorization: 'Bearer fy_abc' })).toBe('fy_abc');
    expect(readApiKey({ authorization: 'bearer   fy_abc ' })).toBe('fy_abc');
    expect(readApiKey({ authorization: basic('anyone', 'fy_abc') })).toBe('fy_abc');
    expect(readApiKey({ authorization: basic('', 'fy_a:b') })).toBe('fy_a:b');
    expect(readApiKey({})).toBeUndefined();
    // Another scheme is passed on to fail authentication, not ignored.
    expect(readApiKey({ authorization: 'Digest abc' })).toBe('Digest abc');
  });
});
