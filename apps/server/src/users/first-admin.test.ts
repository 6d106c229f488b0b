import { openTestStore } from '@flowyard/db/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootstrap, createAppServices } from '../compose';
import { adminPasswordFromEnv, firstAdminLogLines } from '../auth/admin-password';
import { createPasswordHasher } from '../auth/passwords';
import { createSecretBox } from '../secrets/secret-box';
import { loadProviderSettings } from '../settings/provider-settings';
import { createTestApp, testAdminPassword, type TestApp } from '../testing/test-app';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('first start', () => {
  it('has one Default workflow and the admin admin@localhost, who signs in with FLOWYARD_ADMIN_PASSWORD', async () => {
    expect(await app.caller.workflows.list()).toEqual([{ id: app.workflowId, name: 'Default' }]);
    expect(await app.caller.me.get()).toMatchObject({ name: 'Admin', email: 'admin@localhost', role: 'admin', disabled: false });
    const { user } = await app.services.auth.signIn({ email: 'admin@localhost', password: testAdminPassword });
    expect(user.id).toBe(app.admin.id);
  });

  it('is idempotent: a later start changes neither the users nor the password', async () => {
    const me = await app.caller.me.get();
    const again = await bootstrap(app.services, { adminPassword: 'a-different-password' });
    expect(again.firstAdmin).toEqual({ created: false });
    expect(firstAdminLogLines(again.firstAdmin)).toEqual([]);
    expect(await app.caller.workflows.list()).toHaveLength(1);
    expect(await app.caller.me.get()).toEqual(me);
    expect(await app.caller.users.list()).toHaveLength(1);
    await expect(app.services.auth.signIn({ email: 'admin@localhost', password: 'a-different-password' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('the first admin’s password', () => {
  it('is generated when FLOWYARD_ADMIN_PASSWORD is unset, logged once, and works', async () => {
    const { store, sql } = await openTestStore();
    try {
      const services = createAppServices(
        { store, secretBox: createSecretBox(randomBytes(32)), providers: loadProviderSettings({}, 'http://localhost:3000'), now: () => new Date(), newId: () => randomUUID() },
        { http: app.http, scripts: app.scripts, passwords: createPasswordHasher(4) },
      );
      const { firstAdmin } = await bootstrap(services, { adminPassword: undefined });
      if (!firstAdmin.created) throw new Error('expected the admin to be created');
      expect(firstAdmin).toMatchObject({ email: 'admin@localhost', generated: true });
      expect(firstAdmin.password.length).toBeGreaterThanOrEqual(20);
      const lines = firstAdminLogLines(firstAdmin);
      expect(lines.join('\n')).toContain(firstAdmin.password);
      expect((await services.auth.signIn({ email: 'ADMIN@localhost', password: firstAdmin.password })).user.role).toBe('admin');
      // Stored as a bcrypt hash, never as the password.
      const rows = await sql.query('SELECT password_hash FROM users');
      expect(String(rows[0]?.password_hash)).toMatch(/^\$2[aby]\$04\$/);
      expect(JSON.stringify(rows)).not.toContain(firstAdmin.password);
      expect((await bootstrap(services, { adminPassword: undefined })).firstAdmin).toEqual({ created: false });
    } finally {
      await store.close();
    }
  });

  it('from FLOWYARD_ADMIN_PASSWORD is checked like any password and never logged', () => {
    expect(adminPasswordFromEnv({})).toBeUndefined();
    expect(adminPasswordFromEnv({ FLOWYARD_ADMIN_PASSWORD: 'long enough' })).toBe('long enough');
    expect(() => adminPasswordFromEnv({ FLOWYARD_ADMIN_PASSWORD: 'short' })).toThrow(/FLOWYARD_ADMIN_PASSWORD: Password must be at least 8 characters/);
    const lines = firstAdminLogLines({ created: true, email: 'admin@localhost', password: 'long enough', generated: false });
    expect(lines.join('\n')).not.toContain('long enough');
  });
});
