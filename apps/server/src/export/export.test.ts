import { checkExportFile } from '@flowyard/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { planted, posterStep, seedWorkflow } from './workflow-fixture';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('workflows.export', () => {
  it('holds no authentication data of any kind and no Trust self-signed left on', async () => {
    await seedWorkflow(app);
    // The workflow really holds every planted value (so finding none in the file means something).
    const views = (await app.caller.endpoints.list({ workflowId: app.workflowId })).filter((view) => !view.builtIn);
    expect(views.map((view) => view.auth.type).sort()).toEqual(['basic', 'msgraph', 'none', 'oauth2', 'remedy', 'salesforce', 'servicenow', 'slack']);
    expect(views.every((view) => view.trustSelfSigned)).toBe(true);
    expect(JSON.stringify(views)).toContain(planted.slackAccount);

    const file = await app.caller.workflows.export({ workflowId: app.workflowId });
    const text = JSON.stringify(file);
    for (const [what, value] of Object.entries(planted)) {
      expect(text.includes(value), `${what} leaked into the export`).toBe(false);
    }
    expect(text).not.toMatch(/"trustSelfSigned":true|password|clientSecret|clientId|username|accessToken|refreshToken|connection|tokenUrl/i);
    expect(file.endpoints).toHaveLength(8);
    for (const endpoint of file.endpoints) {
      expect(Object.keys(endpoint).sort()).toEqual(['auth', 'baseUrl', 'exportId', 'name', 'trustSelfSigned']);
      expect(endpoint.auth).toEqual({ type: 'none' });
      expect(endpoint.trustSelfSigned).toBe(false);
    }
  });

  it('carries the flows, custom steps, constants and libraries, and reads back as a valid file', async () => {
    const { endpointIds, customStepId } = await seedWorkflow(app);
    const file = await app.caller.workflows.export({ workflowId: app.workflowId });
    expect(file).toMatchObject({ format: 'flowyard-workflow', version: 1, workflow: { name: 'Default' }, exportedAt: expect.stringMatching(/^\d{4}-/) });
    expect(file.flows.map((flow) => flow.name)).toEqual(['Main flow', 'Salesforce sync']);
    expect(file.customSteps).toEqual([{ exportId: customStepId, step: expect.objectContaining({ name: posterStep.name, script: posterStep.script }) }]);
    expect(file.constants).toEqual([{ name: 'Channel', value: '#general' }]);
    expect(file.libraries).toEqual([{ name: 'format', source: expect.stringContaining('exports.stamp') }]);
    // Steps keep referring to endpoints through the export ids.
    const post = file.flows[0]?.graph.nodes.find((node) => node.id === 'post');
    expect(post).toMatchObject({ data: { config: { customStepId, endpointId: endpointIds['Basic API'] } } });
    expect(file.endpoints.find((endpoint) => endpoint.exportId === endpointIds['Basic API'])?.name).toBe('Basic API');
    // The built-in endpoint is every install's own: not exported, steps using it hold a reserved id.
    expect(file.endpoints.map((endpoint) => endpoint.name)).not.toContain('Flowyard');
    expect(file.flows[0]?.graph.nodes.find((node) => node.id === 'self')).toMatchObject({ data: { config: { endpointId: 'flowyard:builtin' } } });
    expect(checkExportFile(JSON.parse(JSON.stringify(file)))).toMatchObject({ ok: true });
  });

  it('answers NOT_FOUND for an unknown workflow', async () => {
    await expect(app.caller.workflows.export({ workflowId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
