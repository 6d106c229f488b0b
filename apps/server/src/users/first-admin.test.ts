import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../app-services';
import { createTestApp, type TestApp } from '../testing/test-app';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('first start', () => {
  it('has one Default workflow and a local admin in every context', async () => {
    expect(await app.caller.workflows.list()).toEqual([{ id: app.workflowId, name: 'Default' }]);
    expect(await app.caller.me.get()).toMatchObject({ name: 'Local Admin', email: 'admin@localhost', role: 'admin' });
  });

  it('is idempotent', async () => {
    const me = await app.caller.me.get();
    await bootstrap(app.services);
    expect(await app.caller.workflows.list()).toHaveLength(1);
    expect(await app.caller.me.get()).toEqual(me);
  });
});
