import { readFile } from 'node:fs/promises';
import { expect, test } from '../fixtures';
import { IntegrationEditor } from '../pages/IntegrationEditor';
import { WorkflowTransfer } from '../pages/WorkflowTransfer';
import { IntegrationsApi } from '../support/integrations-api';
import { arrayOf, field, isJsonObject, type JsonObject } from '../support/trpc-http';
import { uniqueName } from '../support/unique-name';

test('export carries integrations without their URL tokens; import brings them back with a fresh URL shown once', async ({ page, playwright, api }) => {
  test.slow();
  const integrationsApi = new IntegrationsApi(page.request);
  const workflowId = await api.defaultWorkflowId();
  const flow = await api.createFlow(uniqueName('Watched'));
  const inboundName = uniqueName('Leads in');
  const outboundName = uniqueName('Watch failures');
  const inbound = await integrationsApi.create(workflowId, {
    kind: 'inbound',
    name: inboundName,
    auth: { type: 'url', actAsUserId: await integrationsApi.myUserId() },
    script: "console.log('lead ' + request.parameters.id);\nresponse.status = 200;\nresponse.body = { ok: true, id: request.parameters.id };",
  });
  await integrationsApi.create(workflowId, {
    kind: 'outbound',
    name: outboundName,
    trigger: { events: ['run.failed', 'step.failed'], flowId: flow.id },
    script: "console.log(callback.event);",
  });
  const token = inbound.tokenPath?.split('/').pop() ?? '';
  expect(token.length).toBeGreaterThan(20);

  // Export through the UI: both integrations, the outbound one naming its flow, no token anywhere.
  const transfer = new WorkflowTransfer(page);
  await transfer.goto();
  const download = await transfer.exportWorkflow();
  const text = await readFile(await download.path(), 'utf8');
  expect(text).not.toContain(token);
  const file: unknown = JSON.parse(text);
  if (!isJsonObject(file)) throw new Error('the export is not a JSON object');
  const integrations = arrayOf(file.integrations, 'integrations').filter(isJsonObject);
  const exportedInbound = integrations.find((entry) => field(entry.integration, 'name') === inboundName);
  const exportedOutbound = integrations.find((entry) => field(entry.integration, 'name') === outboundName);
  expect(field(field(exportedInbound?.integration, 'auth'), 'type')).toBe('url');
  expect(exportedOutbound?.flowName).toBe(flow.name);
  expect(field(field(exportedOutbound?.integration, 'trigger'), 'flowId')).toBeNull();

  // Import just these two (and the flow) back into the workflow: the names are taken, so they arrive renamed.
  const exportedFlow = arrayOf(file.flows, 'flows')
    .filter(isJsonObject)
    .find((f) => f.name === flow.name);
  if (!exportedFlow || !exportedInbound || !exportedOutbound) throw new Error('the export lacks what the test made');
  const only: JsonObject = { ...file, endpoints: [], customSteps: [], constants: [], libraries: [], flows: [exportedFlow], integrations: [exportedInbound, exportedOutbound] };
  const dialog = await transfer.openImport();
  await dialog.chooseFile('integrations-flowyard.json', only);
  await expect(dialog.preview).toContainText('2 integrations');
  await expect(dialog.root.getByRole('list', { name: 'Renamed on import' })).toContainText(`Integration “${inboundName}” arrives as`);
  await dialog.importButton.click();
  await expect(dialog.done).toContainText('Imported');
  await expect(dialog.done).toContainText('2 integrations');

  // The inbound copy got a new URL with a new token, shown here once; it answers calls.
  const copies = dialog.root.getByRole('list', { name: 'Imported integrations' }).getByRole('link');
  await expect(copies).toHaveCount(2);
  const inboundCopyName = (await copies.filter({ hasText: inboundName }).textContent())?.trim() ?? '';
  expect(inboundCopyName).not.toBe(inboundName);
  const url = await dialog.integrationUrl(inboundCopyName).inputValue();
  expect(url).toMatch(/\/inbound\/[^/]+\/[^/]{20,}$/);
  expect(url).not.toContain(token);
  await expect(dialog.root).toContainText('won’t be shown again');
  await expect(dialog.root.getByRole('button', { name: `Copy URL of ${inboundCopyName}`, exact: true })).toBeVisible();
  const caller = await playwright.request.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const call = await caller.post(url, { form: { id: 'lead-7' } });
    expect(call.status()).toBe(200);
    expect(await call.json()).toMatchObject({ ok: true, id: 'lead-7' });
    // The original keeps its own URL.
    expect((await caller.post(`${new URL(url).origin}${inbound.tokenPath ?? ''}`, { form: { id: 'lead-8' } })).status()).toBe(200);
  } finally {
    await caller.dispose();
  }

  // The copy opens in the integration editor, listening to the imported flow.
  const outboundCopyName = (await copies.filter({ hasText: outboundName }).textContent())?.trim() ?? '';
  await copies.filter({ hasText: outboundName }).click();
  const editor = new IntegrationEditor(page);
  await editor.expectLoaded(outboundCopyName);
  await expect(editor.eventCheckbox('Run failed')).toBeChecked();
  await expect(editor.eventCheckbox('Step failed')).toBeChecked();
  await expect(editor.eventCheckbox('Run succeeded')).not.toBeChecked();
  expect(await integrationsApi.names(workflowId)).toEqual(expect.arrayContaining([inboundName, outboundName, inboundCopyName, outboundCopyName]));
});
