import type { ExportFile } from '@flowyard/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planted, seedWorkflow } from '../export/workflow-fixture';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';

let source: TestApp;
let target: TestApp;
beforeEach(async () => {
  source = await createTestApp();
  target = await createTestApp();
});
afterEach(async () => {
  await Promise.all([source.close(), target.close()]);
});

async function exported(): Promise<ExportFile> {
  await seedWorkflow(source);
  return source.caller.workflows.export({ workflowId: source.workflowId });
}

/** Rows of every table an import writes. */
async function rowCounts(app: TestApp): Promise<Record<string, number>> {
  const tables = ['endpoints', 'custom_steps', 'script_endpoint_refs', 'flows', 'endpoint_refs', 'custom_step_refs', 'constants', 'libraries'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await app.sql.query(`SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(row?.n ?? -1);
  }
  return counts;
}

describe('import: a file with errors', () => {
  it('reports all three planted problems with their JSON paths and writes nothing', async () => {
    const file = JSON.parse(JSON.stringify(await exported()));
    // Three planted errors in three different parts of the file.
    file.endpoints[2].baseUrl = 'ftp://files.example';
    file.customSteps[0].step.inputs[0].label = '';
    const fetchIndex = file.flows[0].graph.nodes.findIndex((node: { id: string }) => node.id === 'fetch');
    file.flows[0].graph.nodes[fetchIndex].data.config.endpointId = 'no-such-endpoint';
    const text = JSON.stringify(file, null, 2);
    const before = await rowCounts(target);

    const preview = await target.caller.workflows.importPreview({ workflowId: target.workflowId, file: text });
    const expected = [
      { path: 'endpoints[2].baseUrl', message: 'Base URL must start with http:// or https:// (not ftp://)' },
      { path: 'customSteps[0].step.inputs[0].label', message: 'Label is required' },
      { path: `flows[0].graph.nodes[${fetchIndex}].data.config.endpointId`, message: 'Step "Fetch" uses endpoint "no-such-endpoint", which is not in the file\'s endpoints' },
    ];
    expect(preview).toEqual({ ok: false, problems: expected });

    const refused = await apiErrorOf(target.caller.workflows.import({ workflowId: target.workflowId, file: text, bindings: {} }));
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', trpcCode: 'BAD_REQUEST', message: 'The import file has 3 problems; nothing was imported', issues: expected });
    expect(await rowCounts(target)).toEqual(before);
  });

  it.each([
    ['text that is not JSON', 'not json {', ''],
    ['a JSON array', '[1, 2]', ''],
    ['another format', JSON.stringify({ format: 'something-else', version: 1 }), 'format'],
    ['another version', JSON.stringify({ format: 'flowyard-workflow', version: 7 }), 'version'],
  ])('refuses %s with VALIDATION_FAILED at its path', async (_what, file, path) => {
    const error = await apiErrorOf(target.caller.workflows.import({ workflowId: target.workflowId, file, bindings: {} }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path, message: expect.any(String) }] });
    expect(await target.caller.workflows.importPreview({ workflowId: target.workflowId, file })).toMatchObject({ ok: false, problems: [{ path }] });
  });

  it('refuses a file over the size limit', async () => {
    const file = JSON.stringify({ format: 'flowyard-workflow', version: 1, workflow: { name: 'x' }, padding: 'x'.repeat(4 * 1024 * 1024) });
    expect(await target.caller.workflows.importPreview({ workflowId: target.workflowId, file })).toEqual({
      ok: false,
      problems: [{ path: '', message: expect.stringContaining('an import file may be at most 4 MiB') }],
    });
  });

  it('refuses bindings to unknown export ids or endpoints, naming them', async () => {
    const file = await exported();
    const exportId = file.endpoints[0]?.exportId ?? '';
    const error = await apiErrorOf(target.caller.workflows.import({ workflowId: target.workflowId, file, bindings: { 'not in file': null, [exportId]: 'no-such-endpoint' } }));
    expect(error.issues).toEqual([
      { path: 'bindings["not in file"]', message: 'The file has no endpoint with export id "not in file"' },
      { path: `bindings["${exportId}"]`, message: 'The endpoint chosen to bind to does not exist in this workflow (it may have been deleted)' },
    ]);
  });
});

describe('import: endpoints, bindings and credentials', () => {
  it('offers to bind endpoints whose names match, binds the chosen ones and creates the others flagged "needs credentials"', async () => {
    const file = await exported();
    const existing = await target.caller.endpoints.create({ workflowId: target.workflowId, name: 'servicenow', baseUrl: 'https://mine.example', auth: { type: 'basic', username: 'me', password: 'mine' } });
    const preview = await target.caller.workflows.importPreview({ workflowId: target.workflowId, file });
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    expect(preview.endpoints).toHaveLength(8);
    expect(preview.endpoints.filter((e) => e.match !== null)).toEqual([{ exportId: expect.any(String), name: 'ServiceNow', baseUrl: 'https://servicenow.example/api', match: { id: existing.id, name: 'servicenow' } }]);
    expect(preview.summary).toMatchObject({ flows: 2, customSteps: 1, constants: 1, libraries: 1, endpointsCreated: 7, endpointsBound: 1, renamed: [], unchanged: [] });

    const serviceNow = file.endpoints.find((e) => e.name === 'ServiceNow');
    const result = await target.caller.workflows.import({ workflowId: target.workflowId, file, bindings: { [serviceNow?.exportId ?? '']: existing.id } });
    expect(result.summary).toMatchObject({ endpointsCreated: 7, endpointsBound: 1 });
    const views = await target.caller.endpoints.list({ workflowId: target.workflowId });
    expect(views).toHaveLength(9);
    for (const view of views) {
      if (view.builtIn) expect(view).toMatchObject({ needsCredentials: false, auth: { type: 'flowyard' } });
      else if (view.id === existing.id) expect(view).toMatchObject({ needsCredentials: false, auth: { type: 'basic', username: 'me' } });
      else expect(view).toMatchObject({ needsCredentials: true, trustSelfSigned: false, auth: { type: 'none' } });
    }
    // The imported flow's ServiceNow step uses the bound endpoint.
    const main = result.flows.find((f) => f.name === 'Main flow');
    const flow = await target.caller.flows.get({ id: main?.id ?? '' });
    expect(flow.graph.nodes.find((n) => n.id === 'fetch')).toMatchObject({ data: { config: { endpointId: existing.id } } });
    expect((await target.caller.endpoints.usage({ id: existing.id })).items).toEqual([{ kind: 'step', flowId: flow.id, flowName: 'Main flow', nodeId: 'fetch', stepName: 'Fetch' }]);
    // The step that used the source's built-in endpoint uses this workflow's.
    const builtin = views.find((view) => view.builtIn);
    expect(flow.graph.nodes.find((n) => n.id === 'self')).toMatchObject({ data: { config: { endpointId: builtin?.id } } });
  });

  it('lets the first save of an imported endpoint choose its auth type and clears the flag', async () => {
    const result = await target.caller.workflows.import({ workflowId: target.workflowId, file: await exported(), bindings: {} });
    const basic = result.endpoints.find((e) => e.name === 'Basic API');
    const view = await target.caller.endpoints.get({ id: basic?.id ?? '' });
    expect(view).toMatchObject({ needsCredentials: true, auth: { type: 'none' } });
    const saved = await target.caller.endpoints.update({ id: view.id, name: view.name, baseUrl: view.baseUrl, auth: { type: 'basic', username: 'u', password: 'p' } });
    expect(saved).toMatchObject({ needsCredentials: false, auth: { type: 'basic', username: 'u', passwordSet: true } });
    // From then on the type is fixed, as for any endpoint.
    const refused = await apiErrorOf(target.caller.endpoints.update({ id: view.id, name: view.name, baseUrl: view.baseUrl, auth: { type: 'none' } }));
    expect(refused.code).toBe('AUTH_TYPE_IMMUTABLE');
    // A save that keeps "none" clears the flag too.
    const plain = result.endpoints.find((e) => e.name === 'Plain');
    expect(await target.caller.endpoints.update({ id: plain?.id ?? '', name: 'Plain', baseUrl: 'https://plain.example/api', auth: { type: 'none' } })).toMatchObject({ needsCredentials: false });
  });

  it('creates an endpoint whose name is taken as "Name (imported)" and points the imported scripts at it', async () => {
    const file = await exported();
    const mine = await target.caller.endpoints.create({ workflowId: target.workflowId, name: 'Slack', baseUrl: 'https://mine.example', auth: { type: 'none' } });
    const result = await target.caller.workflows.import({ workflowId: target.workflowId, file, bindings: {} });
    expect(result.summary.renamed).toEqual([{ kind: 'endpoint', path: expect.stringMatching(/^endpoints\[\d\]\.name$/), from: 'Slack', to: 'Slack (imported)' }]);
    const step = result.customSteps[0];
    const script = (await target.caller.customSteps.get({ id: step?.id ?? '' })).step.script;
    expect(script).toContain("http.authenticate('Slack (imported)')");
    expect(script).toContain("http.request({ endpoint: 'Slack (imported)', method: 'POST'");
    // The step's own endpoint label is not an endpoint name and stays.
    expect(script).toContain("http.request({ endpoint: 'Target' })");
    expect((await target.caller.endpoints.usage({ id: mine.id })).items).toEqual([]);
    const imported = result.endpoints.find((e) => e.name === 'Slack (imported)');
    expect((await target.caller.endpoints.usage({ id: imported?.id ?? '' })).items).toEqual([{ kind: 'script', customStepId: step?.id, customStepName: 'Post to Slack', occurrences: 2 }]);
  });

  it('binding an endpoint to one with another name rewrites the imported scripts to that name', async () => {
    const file = await exported();
    const chat = await target.caller.endpoints.create({ workflowId: target.workflowId, name: 'Team "chat"', baseUrl: 'https://chat.example', auth: { type: 'slack' } });
    const slack = file.endpoints.find((e) => e.name === 'Slack');
    const result = await target.caller.workflows.import({ workflowId: target.workflowId, file, bindings: { [slack?.exportId ?? '']: chat.id } });
    const script = (await target.caller.customSteps.get({ id: result.customSteps[0]?.id ?? '' })).step.script;
    expect(script).toContain("http.authenticate('Team \"chat\"')");
    expect((await target.caller.endpoints.usage({ id: chat.id })).items).toMatchObject([{ kind: 'script', occurrences: 2 }]);
  });
});

describe('import: name collisions', () => {
  it('imports the same file twice: flows and custom steps get " (imported)", identical constants and libraries are left as they are', async () => {
    const file = await exported();
    await target.caller.workflows.import({ workflowId: target.workflowId, file, bindings: {} });
    const preview = await target.caller.workflows.importPreview({ workflowId: target.workflowId, file });
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    // The second time every endpoint has a namesake, which the preview offers to bind.
    expect(preview.endpoints.every((e) => e.match !== null)).toBe(true);
    expect(preview.summary).toMatchObject({ endpointsBound: 8, endpointsCreated: 0, constants: 0, libraries: 0 });

    const second = await target.caller.workflows.import({ workflowId: target.workflowId, file, bindings: Object.fromEntries(preview.endpoints.map((e) => [e.exportId, e.match?.id ?? null])) });
    expect(second.summary.renamed).toEqual([
      { kind: 'customStep', path: 'customSteps[0].step.name', from: 'Post to Slack', to: 'Post to Slack (imported)' },
      { kind: 'flow', path: 'flows[0].name', from: 'Main flow', to: 'Main flow (imported)' },
      { kind: 'flow', path: 'flows[1].name', from: 'Salesforce sync', to: 'Salesforce sync (imported)' },
    ]);
    expect(second.summary.unchanged).toEqual([
      { kind: 'constant', name: 'Channel' },
      { kind: 'library', name: 'format' },
    ]);
    expect((await target.caller.flows.list({ workflowId: target.workflowId })).items.map((f) => f.name)).toEqual(['Main flow', 'Main flow (imported)', 'Salesforce sync', 'Salesforce sync (imported)']);
    expect(await target.caller.endpoints.list({ workflowId: target.workflowId })).toHaveLength(9);
  });

  it('refuses a constant or library whose name is taken with another value, naming it, and writes nothing', async () => {
    const file = await exported();
    await target.caller.constants.set({ workflowId: target.workflowId, name: 'CHANNEL', value: '#random' });
    await target.caller.libraries.save({ workflowId: target.workflowId, name: 'Format', source: 'exports.other = 1;' });
    const before = await rowCounts(target);
    const preview = await target.caller.workflows.importPreview({ workflowId: target.workflowId, file });
    expect(preview).toEqual({
      ok: false,
      problems: [
        { path: 'constants[0].value', message: expect.stringContaining('already has a constant "CHANNEL" with another value') },
        { path: 'libraries[0].source', message: expect.stringContaining('already has a library "Format" with other source') },
      ],
    });
    expect((await apiErrorOf(target.caller.workflows.import({ workflowId: target.workflowId, file, bindings: {} }))).issues).toHaveLength(2);
    expect(await rowCounts(target)).toEqual(before);
  });

  it('refuses a library that does not parse, with its line', async () => {
    const file = JSON.parse(JSON.stringify(await exported()));
    file.libraries[0].source = 'exports.x = function ( {';
    const preview = await target.caller.workflows.importPreview({ workflowId: target.workflowId, file });
    expect(preview).toEqual({ ok: false, problems: [{ path: 'libraries[0].source', message: 'Line 1: Unexpected token' }] });
  });
});

describe('import: what the file cannot smuggle in', () => {
  it('refuses endpoints with credentials or trust, so none can be imported', async () => {
    const file = JSON.parse(JSON.stringify(await exported()));
    file.endpoints[0].auth = { type: 'basic', username: planted.basicUser, password: planted.basicPassword };
    file.endpoints[1].trustSelfSigned = true;
    const preview = await target.caller.workflows.importPreview({ workflowId: target.workflowId, file });
    expect(preview).toEqual({
      ok: false,
      problems: [
        { path: 'endpoints[0].auth.type', message: 'Exported endpoints carry no authentication ("none"); enter credentials after importing' },
        { path: 'endpoints[0].auth', message: 'Exported endpoints carry no credentials: remove "username", "password"' },
        { path: 'endpoints[1].trustSelfSigned', message: 'Exported endpoints never trust self-signed certificates; turn it on after importing' },
      ],
    });
  });
});
