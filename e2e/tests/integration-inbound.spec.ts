import { expect, test } from '../fixtures';
import { IntegrationsPage } from '../pages/IntegrationsPage';
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
  await expect(editor.availableObjects.getByRole('link', { name: 'Edit', exact: true })).toBeVisible();

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

    // The log: newest first, with the raw body, console lines and the started run.
    const log = await editor.openLog();
    await log.expectEntries(2);
    const newest = log.entry(0);
    await expect(newest).toContainText('Succeeded');
    await expect(newest).toContainText('POST');
    await expect(log.section(newest, 'Raw body')).toContainText('"id":"json-2"');
    await expect(log.consoleLines(newest)).toContainText(['order json-2 via json']);
    const older = log.entry(1);
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
