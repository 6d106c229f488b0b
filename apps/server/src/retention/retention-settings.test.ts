import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('settings.retention', () => {
  it('starts from the environment, and an admin\'s setting replaces it', async () => {
    expect(await app.caller.settings.retention.get()).toEqual({ policy: { maxAgeDays: null, maxRunsPerFlow: null }, source: 'environment' });
    expect(await app.caller.settings.retention.set({ maxAgeDays: 30, maxRunsPerFlow: null })).toEqual({ policy: { maxAgeDays: 30, maxRunsPerFlow: null }, source: 'setting' });
    expect(await app.caller.settings.retention.get()).toEqual({ policy: { maxAgeDays: 30, maxRunsPerFlow: null }, source: 'setting' });
    await app.caller.settings.retention.set({ maxAgeDays: null, maxRunsPerFlow: 500 });
    expect((await app.caller.settings.retention.get()).policy).toEqual({ maxAgeDays: null, maxRunsPerFlow: 500 });
  });

  it('refuses bad values naming the field, and non-admins', async () => {
    expect(await apiErrorOf(app.caller.settings.retention.set({ maxAgeDays: 0, maxRunsPerFlow: null }))).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'maxAgeDays' }] });
    const developer = await app.createUser('developer');
    expect(await apiErrorOf(developer.caller.settings.retention.get())).toMatchObject({ code: 'FORBIDDEN' });
    expect(await apiErrorOf(developer.caller.settings.retention.set({ maxAgeDays: 1, maxRunsPerFlow: null }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('prunes by the setting once it is set: old finished runs of a flow go, the rest stay', async () => {
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'F' });
    const day = 86_400_000;
    const insert = (id: string, daysAgo: number) =>
      app.sql.query("INSERT INTO runs (id, flow_id, workflow_id, flow_version, status, trigger_type, trigger_node_id, user_id, payload, started_at) VALUES (?, ?, ?, 1, 'succeeded', 'manual', 't', ?, '{}', ?)", [
        id,
        flow.id,
        app.workflowId,
        app.admin.id,
        new Date(Date.now() - daysAgo * day).toISOString(),
      ]);
    await insert('old', 40);
    await insert('new', 1);
    await app.caller.settings.retention.set({ maxAgeDays: 30, maxRunsPerFlow: null });
    // Setting it started a pass; this one waits for it (or makes one), whichever deleted the run.
    await app.services.runPruner.runNow();
    expect((await app.caller.runs.list({ flowId: flow.id })).items.map((r) => r.id)).toEqual(['new']);
  });
});
