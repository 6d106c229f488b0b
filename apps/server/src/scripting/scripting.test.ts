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
    expect(await app.caller.libraries.list({ workflowId: app.workflowId })).toEqual([{ id: saved.id, workflowId: app.workflowId, name: 'greetings', updatedAt: saved.updatedAt, usageCount: 0 }]);
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
    expect(broken).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'source', message: 'Line 2: Unexpected token' }],
      details: { syntax: { line: 2, column: 8, offset: 19, message: 'Unexpected token' } },
    });
    expect(await app.caller.libraries.checkSyntax({ source: 'var a = 1;\nvar b = ;\n' })).toEqual({ syntax: { line: 2, column: 8, offset: 19, message: 'Unexpected token' } });
    expect(await app.caller.libraries.checkSyntax({ source })).toEqual({ syntax: null });
    expect((await app.caller.libraries.list({ workflowId: app.workflowId })).map((l) => l.name)).toEqual(['utils']);
  });
});

describe('usage of libraries and constants', () => {
  const stepUsing = (name: string, script: string) =>
    app.caller.customSteps.create({ workflowId: app.workflowId, step: { name, icon: 'code', inputs: [], outputs: [], script } });

  it('lists the scripts and libraries that require a library, and refuses its delete while any does', async () => {
    const dates = await app.caller.libraries.save({ workflowId: app.workflowId, name: 'dates', source: 'exports.today = function () { return 1; };' });
    const helpers = await app.caller.libraries.save({ workflowId: app.workflowId, name: 'helpers', source: "var d = require('./dates.js'); module.exports = d;" });
    const step = await stepUsing('Uses dates', "var d = require('Dates'); var again = require('dates'); require(name);");
    await stepUsing('Unrelated', "var x = require('other');");

    expect(await app.caller.libraries.usage({ id: dates.id })).toEqual([
      { kind: 'script', customStepId: step.id, customStepName: 'Uses dates', occurrences: 2 },
      { kind: 'library', libraryId: helpers.id, libraryName: 'helpers', occurrences: 1 },
    ]);
    expect((await app.caller.libraries.list({ workflowId: app.workflowId })).map((l) => [l.name, l.usageCount])).toEqual([
      ['dates', 2],
      ['helpers', 0],
    ]);
    const refused = await apiErrorOf(app.caller.libraries.delete({ id: dates.id }));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('1 custom step script and 1 shared library') });
    expect(refused.details?.usage).toHaveLength(2);
    expect((await app.caller.libraries.get({ id: dates.id })).name).toBe('dates');

    // Once nothing requires it, it goes.
    await app.caller.customSteps.delete({ id: step.id });
    await app.caller.libraries.save({ workflowId: app.workflowId, id: helpers.id, name: 'helpers', source: 'module.exports = 1;' });
    expect(await app.caller.libraries.usage({ id: dates.id })).toEqual([]);
    expect(await app.caller.libraries.delete({ id: dates.id })).toEqual({ id: dates.id });
  });

  it('lists the scripts and libraries that read a constant by its exact name, and refuses its delete while any does', async () => {
    const region = await app.caller.constants.set({ workflowId: app.workflowId, name: 'Region', value: 'eu' });
    const unused = await app.caller.constants.set({ workflowId: app.workflowId, name: 'Unused', value: 'x' });
    const step = await stepUsing('Reads region', "output['x'] = constants['Region'] + constants.Region; constants['region'];");
    const library = await app.caller.libraries.save({ workflowId: app.workflowId, name: 'config', source: 'exports.region = constants["Region"];' });

    expect(await app.caller.constants.usage({ id: region.id })).toEqual([
      { kind: 'script', customStepId: step.id, customStepName: 'Reads region', occurrences: 2 },
      { kind: 'library', libraryId: library.id, libraryName: 'config', occurrences: 1 },
    ]);
    expect((await app.caller.constants.list({ workflowId: app.workflowId })).map((c) => [c.name, c.usageCount])).toEqual([
      ['Region', 2],
      ['Unused', 0],
    ]);
    expect(await apiErrorOf(app.caller.constants.delete({ id: region.id }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Constant "Region" is used by 1 custom step script and 1 shared library and cannot be deleted; remove those uses first',
    });
    expect(await app.caller.constants.delete({ id: unused.id })).toEqual({ id: unused.id });
    expect((await apiErrorOf(app.caller.constants.usage({ id: 'nope' }))).code).toBe('NOT_FOUND');
  });
});
