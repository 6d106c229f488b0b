import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('constants', () => {
  it('creates, renames, lists by name and deletes constants', async () => {
    const region = await app.caller.constants.set({ workflowId: app.workflowId, name: ' Region ', value: 'eu-west' });
    expect(region).toMatchObject({ name: 'Region', value: 'eu-west', workflowId: app.workflowId });
    await app.caller.constants.set({ workflowId: app.workflowId, name: 'Api version', value: '' });
    const renamed = await app.caller.constants.set({ workflowId: app.workflowId, id: region.id, name: 'Zone', value: 'eu-central' });
    expect(renamed).toMatchObject({ id: region.id, name: 'Zone', value: 'eu-central' });
    expect((await app.caller.constants.list({ workflowId: app.workflowId })).map((c) => [c.name, c.value])).toEqual([
      ['Api version', ''],
      ['Zone', 'eu-central'],
    ]);
    expect(await app.services.constants.values(app.workflowId)).toEqual({ 'Api version': '', Zone: 'eu-central' });
    expect(await app.caller.constants.delete({ id: region.id })).toEqual({ id: region.id });
    expect((await app.caller.constants.list({ workflowId: app.workflowId })).map((c) => c.name)).toEqual(['Api version']);
  });

  it('refuses a name in use (case-insensitively), an empty name, and an unknown id', async () => {
    await app.caller.constants.set({ workflowId: app.workflowId, name: 'Region', value: 'a' });
    expect(await apiErrorOf(app.caller.constants.set({ workflowId: app.workflowId, name: 'REGION', value: 'b' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'name', message: expect.stringContaining('"Region" already exists') }],
    });
    expect((await apiErrorOf(app.caller.constants.set({ workflowId: app.workflowId, name: '  ', value: 'b' }))).issues).toEqual([{ path: 'name', message: 'Name is required' }]);
    expect((await apiErrorOf(app.caller.constants.set({ workflowId: app.workflowId, id: 'nope', name: 'X', value: 'b' }))).code).toBe('NOT_FOUND');
    expect((await apiErrorOf(app.caller.constants.delete({ id: 'nope' }))).code).toBe('NOT_FOUND');
    expect((await apiErrorOf(app.caller.constants.set({ workflowId: 'no-workflow', name: 'X', value: 'b' }))).issues).toEqual([{ path: 'workflowId', message: 'Workflow not found' }]);
  });
});

describe('shared libraries', () => {
  const source = "exports.greet = function (name) {\n  return 'Hi ' + name;\n};";

  it('saves, lists without sources, gets, renames and deletes libraries', async () => {
    const saved = await app.caller.libraries.save({ workflowId: app.workflowId, name: 'greetings', source });
    expect(saved).toMatchObject({ name: 'greetings', source });
    expect(await app.caller.libraries.list({ workflowId: app.workflowId })).toEqual([{ id: saved.id, workflowId: app.workflowId, name: 'greetings', updatedAt: saved.updatedAt }]);
    const renamed = await app.caller.libraries.save({ workflowId: app.workflowId, id: saved.id, name: 'hello', source: 'module.exports = 1;' });
    expect(await app.caller.libraries.get({ id: saved.id })).toEqual(renamed);
    expect(await app.services.libraries.sources(app.workflowId)).toEqual({ hello: 'module.exports = 1;' });
    expect(await app.caller.libraries.delete({ id: saved.id })).toEqual({ id: saved.id });
    expect((await apiErrorOf(app.caller.libraries.get({ id: saved.id }))).code).toBe('NOT_FOUND');
  });

  it('refuses a duplicate name, a name with quotes and a source that does not parse (with its line)', async () => {
    await app.caller.libraries.save({ workflowId: app.workflowId, name: 'utils', source });
    expect((await apiErrorOf(app.caller.libraries.save({ workflowId: app.workflowId, name: 'Utils', source }))).issues).toEqual([
      { path: 'name', message: 'A library named "utils" already exists in this workflow (names are not case-sensitive)' },
    ]);
    expect((await apiErrorOf(app.caller.libraries.save({ workflowId: app.workflowId, name: "it's", source }))).issues).toEqual([
      { path: 'name', message: 'Name cannot contain quotes or backslashes' },
    ]);
    const broken = await apiErrorOf(app.caller.libraries.save({ workflowId: app.workflowId, name: 'broken', source: 'var a = 1;\nvar b = ;\n' }));
    expect(broken).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'source', message: expect.stringMatching(/^Line 2: Unexpected token/) }] });
    expect((await app.caller.libraries.list({ workflowId: app.workflowId })).map((l) => l.name)).toEqual(['utils']);
  });
});
