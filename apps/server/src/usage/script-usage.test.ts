import type { CustomStepCreateInput } from '@flowyard/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainGraph } from '../testing/graphs';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

type StepInput = CustomStepCreateInput['step'];
const poster = (script: string, extra: Partial<StepInput> = {}): StepInput => ({ name: 'Poster', outputs: [{ id: 'ts', label: 'Timestamp' }], script, ...extra });
const slackScript = [
  "var req = http.request({ endpoint: 'Slack', method: 'POST', path: '/chat.postMessage' });",
  "var token = http.authenticate(\"slack\");",
  "var other = http.request({ endpoint: `Other` });",
  'var name = "Slack"; http.request({ endpoint: name });',
  "output['Timestamp'] = JSON.parse(req.write({ text: 'hi' }).body).ts;",
].join('\n');

const createEndpoint = (name: string) => app.caller.endpoints.create({ workflowId: app.workflowId, name, baseUrl: 'https://slack.example', auth: { type: 'none' } });
const createStep = (step: StepInput) => app.caller.customSteps.create({ workflowId: app.workflowId, step });

describe('usage that sees scripts', () => {
  it('lists custom steps whose scripts name the endpoint literally, beside flow steps, and counts them', async () => {
    const slack = await createEndpoint('Slack');
    const step = await createStep(poster(slackScript));
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Notify' });
    await app.caller.flows.save({ id: flow.id, version: flow.version, graph: chainGraph([{ id: 'post', name: 'Post', endpointId: slack.id }]) });

    expect((await app.caller.endpoints.usage({ id: slack.id })).items).toEqual([
      { kind: 'step', flowId: flow.id, flowName: 'Notify', nodeId: 'post', stepName: 'Post' },
      { kind: 'script', customStepId: step.id, customStepName: 'Poster', occurrences: 2 },
    ]);
    expect((await app.caller.endpoints.get({ id: slack.id })).usageCount).toBe(2);
    // A script naming an endpoint that is created later is already indexed.
    const other = await createEndpoint('other');
    expect(other.usageCount).toBe(1);
    expect((await app.caller.endpoints.usage({ id: other.id })).items).toEqual([{ kind: 'script', customStepId: step.id, customStepName: 'Poster', occurrences: 1 }]);
  });

  it('keeps the index with every custom step save and delete', async () => {
    const slack = await createEndpoint('Slack');
    const step = await createStep(poster("http.request({ endpoint: 'Nothing' });"));
    expect((await app.caller.endpoints.usage({ id: slack.id })).items).toEqual([]);
    await app.caller.customSteps.update({ id: step.id, step: poster(slackScript, { name: 'Renamed poster' }) });
    expect((await app.caller.endpoints.usage({ id: slack.id })).items).toEqual([{ kind: 'script', customStepId: step.id, customStepName: 'Renamed poster', occurrences: 2 }]);
    await app.caller.customSteps.delete({ id: step.id });
    expect((await app.caller.endpoints.usage({ id: slack.id })).items).toEqual([]);
  });

  it("does not count the step's own endpoint label or names computed at run time", async () => {
    const target = await createEndpoint('Target');
    await createStep(poster("var n = 'Target'; http.request({ endpoint: 'Target' }); http.request({ endpoint: n });", { includeEndpoint: true, endpointLabel: 'Target' }));
    expect((await app.caller.endpoints.usage({ id: target.id })).items).toEqual([]);
  });

  it('refuses to delete an endpoint a script names, listing the script', async () => {
    const slack = await createEndpoint('Slack');
    const step = await createStep(poster(slackScript));
    const refused = await apiErrorOf(app.caller.endpoints.delete({ id: slack.id }));
    expect(refused).toMatchObject({
      code: 'ENDPOINT_IN_USE',
      message: 'Endpoint "Slack" is used by 1 script and cannot be deleted; remove it from those steps and scripts first',
      details: { usage: [{ kind: 'script', customStepId: step.id, customStepName: 'Poster', occurrences: 2 }] },
    });
    await app.caller.customSteps.update({ id: step.id, step: poster('') });
    expect(await app.caller.endpoints.delete({ id: slack.id })).toEqual({ id: slack.id });
  });

  it('tells which scripts a rename affects, and rewrites them in the same save when asked', async () => {
    const slack = await createEndpoint('Slack');
    const step = await createStep(poster(slackScript));
    const untouched = await createStep(poster("http.request({ endpoint: 'Other' });", { name: 'Untouched' }));
    const impact = await app.caller.endpoints.renameImpact({ id: slack.id, name: "Team's \"Slack\"" });
    expect(impact).toEqual({ renamed: true, scripts: [{ kind: 'script', customStepId: step.id, customStepName: 'Poster', occurrences: 2 }], integrations: [] });
    expect(await app.caller.endpoints.renameImpact({ id: slack.id, name: ' SLACK ' })).toEqual({ renamed: false, scripts: [], integrations: [] });

    const saved = await app.caller.endpoints.update({ id: slack.id, name: "Team's \"Slack\"", baseUrl: slack.baseUrl, auth: { type: 'none' }, updateScripts: true });
    expect(saved.usageCount).toBe(1);
    const script = (await app.caller.customSteps.get({ id: step.id })).step.script;
    expect(script).toBe(
      [
        "var req = http.request({ endpoint: 'Team\\'s \"Slack\"', method: 'POST', path: '/chat.postMessage' });",
        'var token = http.authenticate("Team\'s \\"Slack\\"");',
        'var other = http.request({ endpoint: `Other` });',
        // Computed names and other strings are left alone.
        'var name = "Slack"; http.request({ endpoint: name });',
        "output['Timestamp'] = JSON.parse(req.write({ text: 'hi' }).body).ts;",
      ].join('\n'),
    );
    expect((await app.caller.customSteps.get({ id: untouched.id })).step.script).toBe("http.request({ endpoint: 'Other' });");
    expect((await app.caller.endpoints.usage({ id: slack.id })).items).toEqual([{ kind: 'script', customStepId: step.id, customStepName: 'Poster', occurrences: 2 }]);
  });

  it('leaves scripts alone on a rename without updateScripts', async () => {
    const slack = await createEndpoint('Slack');
    const step = await createStep(poster(slackScript));
    const saved = await app.caller.endpoints.update({ id: slack.id, name: 'Chat', baseUrl: slack.baseUrl, auth: { type: 'none' } });
    expect(saved.usageCount).toBe(0);
    expect((await app.caller.customSteps.get({ id: step.id })).step.script).toBe(slackScript);
  });

  it('indexes custom steps saved before the index existed when the server starts', async () => {
    const slack = await createEndpoint('Slack');
    const step = await createStep(poster(slackScript));
    await app.sql.query('DELETE FROM script_endpoint_refs');
    await app.sql.query('UPDATE custom_steps SET script_index_version = 0 WHERE id = ?', [step.id]);
    expect((await app.caller.endpoints.usage({ id: slack.id })).items).toEqual([]);
    expect(await app.services.reindexStaleScripts()).toBe(1);
    expect((await app.caller.endpoints.usage({ id: slack.id })).items).toHaveLength(1);
    expect(await app.services.reindexStaleScripts()).toBe(0);
  });
});
