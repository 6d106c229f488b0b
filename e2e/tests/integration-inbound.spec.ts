import { expect, test } from '../fixtures';
import { IntegrationLog } from '../pages/IntegrationLog';
import { IntegrationsPage } from '../pages/IntegrationsPage';
import { IntegrationsApi } from '../support/integrations-api';
import { uniqueName } from '../support/unique-name';

test('an inbound integration with URL authentication starts a flow from form and JSON calls, logs them and links the started runs', async ({
  page,
  playwright,
  api,
  target,
  activity,
}) => {
  // Builds through the UI, calls the URL several times and follows the runs: more than the default 60 s on a busy host.
  test.slow();
  target.on('GET', '/ping', { json: { pong: true } });
  const endpoint = await api.createEndpoint({ name: uniqueName('Ping API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const flow = await api.createHttpFlow(uniqueName('Order intake'), { name: 'Ping', endpointId: endpoint.id, path: '/ping' });
  const name = uniqueName('Orders in');
  const script = `var isJson = (request.headers['content-type'] || '').indexOf('application/json') === 0;
var data = isJson ? JSON.parse(request.body) : request.parameters;
console.log('order ' + data.id + ' via ' + (isJson ? 'json' : 'form'));
var runId = flows.start(${JSON.stringify(flow.name)}, { id: data.id });
response.status = 200;
response.body = { runId: runId, id: data.id };`;

  // Integration Builder → Integrations → New Inbound Integration.
  const integrations = new IntegrationsPage(page);
  await integrations.openFromNavigation();
  const editor = await integrations.create('Inbound');
  await editor.nameField.fill(name);
  await editor.chooseAuthentication('url');
  await expect(editor.actingUserField).toContainText('admin@localhost');
  // Completion knows the workflow's flows and the request's fields.
  await editor.setScript('');
  await page.keyboard.type("flows.start('");
  await expect(editor.completionOption(flow.name)).toBeVisible();
  await page.keyboard.press('Escape');
  await editor.setScript('');
  await page.keyboard.type('request.');
  await expect(editor.completionOption('parameters')).toBeVisible();
  await page.keyboard.press('Escape');
  await editor.setScript(script);
  expect(await editor.scriptText()).toBe(script);
  // The sidebar offers what an inbound script can use.
  await expect(editor.availableItem('request.body')).toBeVisible();
  await expect(editor.availableItem('response.status')).toBeVisible();
  await expect(editor.availableItem(`flows.start(${JSON.stringify(flow.name).replace(/"/g, "'")}, {})`)).toBeVisible();
  await expect(editor.availableItem(endpoint.name)).toBeVisible();
  // Edit beside Endpoints opens the workflow's endpoints in place (SPEC §4), keeping the unsaved script.
  await editor.availableObjects.getByRole('link', { name: 'Edit', exact: true }).click();
  const endpointsDialog = page.getByRole('dialog', { name: 'Endpoints', exact: true });
  await expect(endpointsDialog.getByRole('button', { name: 'Add Endpoint', exact: true })).toBeVisible();
  await expect(endpointsDialog.getByRole('button', { name: endpoint.name, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(endpointsDialog).toBeHidden();
  expect(await editor.scriptText()).toBe(script);

  // Test script with a sample form post: the response, the flow it would start and the console line.
  await editor.fillSampleRequest({ method: 'POST', contentType: 'application/x-www-form-urlencoded', body: 'id=sample-5' });
  await editor.testButton.click();
  await expect(editor.testSection('Response')).toContainText('200');
  await expect(editor.testSection('Flows started')).toContainText(flow.name);
  await expect(editor.testSection('Console')).toContainText('order sample-5 via form');
  expect(target.requestsTo('GET', '/ping')).toHaveLength(0);

  // Save: the URL with its token is shown once.
  const { id, tokenUrl } = await editor.saveNew(name, true);
  if (tokenUrl === null) throw new Error('no URL was shown');
  expect(tokenUrl).toMatch(new RegExp(`/inbound/${id}/[^/]{20,}$`));
  const token = tokenUrl.split('/').pop() ?? '';
  // Afterwards the page shows the URL with a placeholder only, and an example call.
  await expect(editor.inboundUrlField).toHaveValue(new RegExp(`/inbound/${id}/<token>$`));
  await expect(editor.exampleRequest).toContainText('curl -X POST');
  await expect(page.locator('body')).not.toContainText(token);

  // An outside program calls it: a form post, then JSON.
  const caller = await playwright.request.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const formCall = await caller.post(tokenUrl, { form: { id: 'form-1', note: 'hello world' } });
    expect(formCall.status()).toBe(200);
    const formRunId: unknown = (await formCall.json()).runId;
    expect(typeof formRunId).toBe('string');
    const jsonCall = await caller.post(tokenUrl, { data: { id: 'json-2', items: [1, 2] } });
    expect(jsonCall.status()).toBe(200);
    const jsonRunId = String((await jsonCall.json()).runId);
    // A wrong token is refused and starts nothing.
    expect((await caller.post(tokenUrl.replace(/[^/]+$/, 'not-the-token'), { form: { id: 'x' } })).status()).toBe(401);

    // The log: newest first. The refusal is there, with its error and no caller.
    const log = await editor.openLog();
    await log.expectEntries(3);
    const refused = log.entry(0);
    await expect(refused).toContainText('Failed');
    await expect(refused).toContainText('HTTP 401');
    await expect(refused).toContainText('refused before the script ran');
    await expect(log.section(refused, 'Error')).toContainText('UNAUTHORIZED');
    await expect(log.section(refused, 'Raw body')).toContainText('id=x');
    // The calls that got through: raw body, console lines and the started run.
    const newest = log.entry(1);
    await log.expand(newest);
    await expect(newest).toContainText('Succeeded');
    await expect(newest).toContainText('POST');
    await expect(log.section(newest, 'Raw body')).toContainText('"id":"json-2"');
    await expect(log.consoleLines(newest)).toContainText(['order json-2 via json']);
    const older = log.entry(2);
    await log.expand(older);
    await expect(log.section(older, 'Raw body')).toContainText('id=form-1&note=hello+world');
    await expect(log.consoleLines(older)).toContainText(['order form-1 via form']);
    await expect(older).toContainText('Admin');

    // The started run opens in its flow's Activity panel.
    const runLink = log.startedRuns(newest);
    await expect(runLink).toHaveCount(1);
    await expect(runLink).toContainText(jsonRunId.slice(-8));
    await runLink.click();
    await expect(page).toHaveURL(new RegExp(`/flows/${flow.id}\\?run=${jsonRunId}`));
    await activity.openStep('Ping', /succeeded/i);
    await expect(activity.root).toContainText(`Started by the integration ${name}`);
    await expect.poll(() => target.requestsTo('GET', '/ping').length).toBe(2);
    // Activity filters runs started by integrations.
    await activity.filter('Trigger').selectOption({ label: 'Integration' });
    await expect(page).toHaveURL(/trigger=integration/);
    await expect(activity.runCount).toHaveText('2 matching runs');

    // Rotate URL token: the old URL stops working, the new one (shown once) works.
    await integrations.goto();
    await expect(integrations.list('Inbound')).toContainText(name);
    const again = await integrations.open(name);
    const rotated = await again.rotateToken();
    expect(rotated).not.toBe(tokenUrl);
    expect((await caller.post(tokenUrl, { form: { id: 'old' } })).status()).toBe(401);
    expect((await caller.post(rotated, { form: { id: 'new-3' } })).status()).toBe(200);

    // Disabled from the list, the URL answers 404; enabled again, it works.
    await integrations.goto();
    await integrations.toggleButton(name, 'Disable').click();
    await expect(integrations.item(name)).toContainText('Disabled');
    expect((await caller.post(rotated, { form: { id: 'off' } })).status()).toBe(404);
    await integrations.toggleButton(name, 'Enable').click();
    await expect(integrations.item(name)).toContainText('Enabled');
    expect((await caller.post(rotated, { form: { id: 'on-4' } })).status()).toBe(200);

    // Leaving with unsaved changes asks first.
    await integrations.open(name);
    await again.nameField.fill(`${name} edited`);
    await expect(again.unsavedState).toBeVisible();
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Integrations', exact: true }).click();
    await expect.poll(() => questions).toEqual([expect.stringContaining('unsaved changes')]);
    await expect(page).toHaveURL(/\/integration-builder\/integrations\/[^/]+$/);
    await expect(again.nameField).toHaveValue(`${name} edited`);
  } finally {
    await caller.dispose();
  }
});

test('the editor names bad fields; an API-key integration takes a user’s key, and switching it to URL authentication shows its new URL once', async ({
  page,
  playwright,
  api,
}) => {
  const integrations = new IntegrationsPage(page);
  await integrations.goto();
  const taken = uniqueName('Taken');
  const first = await integrations.create('Inbound');
  await first.nameField.fill(taken);
  await first.chooseAuthentication('apiKey');
  await first.setScript("response.status = 200;\nresponse.body = { method: request.method, who: request.parameters.who };");
  await first.saveNew(taken, false);

  // A missing name is refused under the field, by the form itself.
  await integrations.goto();
  const editor = await integrations.create('Inbound');
  await editor.chooseAuthentication('apiKey');
  await editor.saveButton.click();
  await expect(editor.nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.details).toContainText('Name is required');
  // A taken name is refused by the server, under the same field.
  await editor.nameField.fill(taken.toUpperCase());
  await editor.saveButton.click();
  await expect(editor.details).toContainText('already exists');
  await expect(editor.nameField).toHaveAttribute('aria-invalid', 'true');

  const name = uniqueName('Keyed');
  await editor.nameField.fill(name);
  await editor.setScript("response.status = 200;\nresponse.body = { method: request.method, who: request.parameters.who };");
  const { id } = await editor.saveNew(name, false);
  // With an API key there is no token: the URL is the integration's own, with an example using a key.
  const url = await editor.inboundUrlField.inputValue();
  expect(url).toMatch(new RegExp(`/inbound/${id}$`));
  await expect(editor.exampleRequest).toContainText('Authorization: Bearer <your API key>');

  const user = await api.createUser({ name: uniqueName('Caller'), email: `${uniqueName('caller').replace(' ', '-')}@example.test`, role: 'rest', password: `pw-${Math.random().toString(36).slice(2)}A1!` });
  const key = await api.createApiKey(user.id, 'integration test');
  const caller = await playwright.request.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const called = await caller.get(`${url}?who=rest`, { headers: { Authorization: `Bearer ${key}` } });
    expect(called.status()).toBe(200);
    expect(await called.json()).toEqual({ method: 'GET', who: 'rest' });
    expect((await caller.get(`${url}?who=nobody`)).status()).toBe(401);

    // Switching to URL authentication makes a token: its URL is shown once, and then works without a key.
    await editor.chooseAuthentication('url');
    await editor.saveButton.click();
    const tokenUrl = await editor.takeTokenUrl();
    await expect(editor.savedState).toBeVisible();
    expect(tokenUrl.startsWith(`${url}/`)).toBe(true);
    expect((await caller.get(`${tokenUrl}?who=token`)).status()).toBe(200);

    // The key's user, the refused call without a key (no caller, started nothing), then the acting user.
    const log = await editor.openLog();
    await log.expectEntries(3);
    await expect(log.entry(2)).toContainText(`by ${user.name}`);
    await expect(log.entry(1)).toContainText('HTTP 401');
    await expect(log.entry(1)).toContainText('caller unknown');
    await expect(log.entry(0)).toContainText('by Admin');
    await expect(log.entry(0)).toContainText('HTTP 200');
  } finally {
    await caller.dispose();
  }
});

test('the log pages back past its newest 20 entries', async ({ page, playwright, api }) => {
  const integrationsApi = new IntegrationsApi(page.request);
  const workflowId = await api.defaultWorkflowId();
  const created = await integrationsApi.create(workflowId, {
    kind: 'inbound',
    name: uniqueName('Busy'),
    auth: { type: 'url', actAsUserId: await integrationsApi.myUserId() },
    script: "console.log('call ' + request.parameters.n);\nresponse.status = 200;",
  });
  const caller = await playwright.request.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    for (let n = 1; n <= 21; n++) {
      expect((await caller.post(created.tokenPath ?? '', { form: { n: String(n) } })).status()).toBe(200);
    }
  } finally {
    await caller.dispose();
  }
  const log = new IntegrationLog(page);
  await log.goto(created.id);
  await log.expectEntries(20);
  await expect(log.consoleLines(log.entry(0))).toContainText(['call 21']);
  await page.getByRole('button', { name: 'Load older entries', exact: true }).click();
  await log.expectEntries(21);
  const oldest = log.entry(20);
  await log.expand(oldest);
  await expect(log.consoleLines(oldest)).toContainText(['call 1']);
  await expect(page.getByRole('button', { name: 'Load older entries', exact: true })).toHaveCount(0);
});
