import { expect, test } from '../fixtures';
import { MockTarget } from '../mocks/target-server';
import { FlowsPage } from '../pages/FlowsPage';
import { IntegrationLog } from '../pages/IntegrationLog';
import { IntegrationsPage } from '../pages/IntegrationsPage';
import { IntegrationsApi } from '../support/integrations-api';
import { uniqueName } from '../support/unique-name';

test('an outbound integration posts a failed run to a mock Slack endpoint and logs it with the run it was about', async ({ page, api, target, activity }) => {
  test.slow();
  const slack = await MockTarget.start();
  try {
    slack.on('POST', '/api/chat.postMessage', { json: { ok: true, channel: 'C0MOCK', ts: '1700000000.000100' } });
    target.on('POST', '/orders', { status: 500, json: { error: 'database unavailable' } });
    const slackEndpoint = await api.createEndpoint({ name: uniqueName('Slack'), baseUrl: slack.baseUrl, auth: { type: 'none' } });
    const orders = await api.createEndpoint({ name: uniqueName('Orders'), baseUrl: target.baseUrl, auth: { type: 'none' } });
    // A step that fails when the target answers 500.
    const step = await api.createCustomStep({
      name: uniqueName('Submit order'),
      includeEndpoint: true,
      endpointLabel: 'Orders',
      script: `var resp = http.request({ endpoint: 'Orders', method: 'POST', path: '/orders' }).write({ id: 1 });
if (resp.statusCode >= 300) throw new Error('Orders said ' + resp.statusCode);`,
    });
    const flow = await api.createFlowWithGraph(uniqueName('Order sync'), {
      nodes: [
        { id: 'trigger-1', type: 'manual-trigger', position: { x: 120, y: 60 }, data: { name: 'Manual Trigger', config: { testPayload: '{}' } } },
        { id: 'submit-1', type: 'custom-step', position: { x: 120, y: 260 }, data: { name: 'Submit', config: { customStepId: step.id, inputs: {}, endpointId: orders.id } } },
      ],
      edges: [{ id: 'trigger-1->submit-1', source: 'trigger-1', target: 'submit-1', sourceHandle: null }],
    });
    const name = uniqueName('Failures to Slack');
    const script = `var req = http.request({ endpoint: ${JSON.stringify(slackEndpoint.name)}, method: 'POST', path: '/api/chat.postMessage', headers: { 'Content-Type': 'application/json' } });
var resp = req.write({ channel: '#alerts', text: callback.flow.name + ' ' + callback.run.status + ': ' + callback.run.summary });
console.log('slack said ' + resp.statusCode);`;

    const integrations = new IntegrationsPage(page);
    await integrations.openFromNavigation();
    const editor = await integrations.create('Outbound');
    await editor.nameField.fill(name);
    await editor.chooseEvents(['Run failed']);
    await editor.chooseFlow(flow.name);
    await editor.rateLimitField.fill('30');
    await editor.setScript(script);
    await expect(editor.availableItem('callback.run.status')).toBeVisible();

    // Test script with the sample callback: the script really calls the endpoint.
    await editor.testButton.click();
    await expect(editor.testSection('Console')).toContainText('slack said 200');
    await expect(editor.testSection('HTTP')).toContainText('/api/chat.postMessage');
    await expect.poll(() => slack.requestsTo('POST', '/api/chat.postMessage').length).toBe(1);
    slack.clearRequests();

    const { id } = await editor.saveNew(name, false);
    await integrations.goto();
    await expect(integrations.list('Outbound').getByRole('listitem').filter({ hasText: name })).toContainText(`Run failed · ${flow.name}`);

    // The flow fails; the integration tells Slack.
    const runId = await api.startRun(flow.id, {});
    await expect.poll(() => slack.requestsTo('POST', '/api/chat.postMessage').length, { timeout: 30_000 }).toBe(1);
    const message: unknown = JSON.parse(slack.requestsTo('POST', '/api/chat.postMessage')[0]?.body ?? '{}');
    expect(message).toMatchObject({ channel: '#alerts', text: expect.stringContaining(`${flow.name} failed`) });

    // Its log: the event, the callback, the console line, the exchange, and the run it was about.
    const log = await (await integrations.open(name)).openLog();
    await expect(page).toHaveURL(new RegExp(`/integrations/${id}/log$`));
    await log.expectEntries(1);
    const entry = log.entry(0);
    await expect(entry).toContainText('Run failed');
    await expect(entry).toContainText('Succeeded');
    await expect(log.section(entry, 'Callback')).toContainText(runId);
    await expect(log.consoleLines(entry)).toContainText(['slack said 200']);
    await expect(log.section(entry, 'HTTP')).toContainText('/api/chat.postMessage');
    await entry.getByRole('link', { name: new RegExp(runId.slice(-8)) }).click();
    await expect(page).toHaveURL(new RegExp(`/flows/${flow.id}\\?run=${runId}`));
    await activity.openStep('Submit', /failed/i);

    // The flow it is triggered by cannot be deleted: refused at once, naming the integration.
    const flows = new FlowsPage(page);
    await flows.openFromNavigation();
    await flows.search(flow.name);
    const refusal = await flows.askToDelete(flow.name);
    await expect(refusal.getByRole('alert')).toContainText('cannot be deleted because an outbound integration is triggered by its runs');
    await expect(refusal.getByRole('button', { name: 'Delete Flow', exact: true })).toHaveCount(0);
    await refusal.getByRole('list', { name: 'Integrations triggered by this flow' }).getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/integrations/${id}$`));
    await expect(refusal).toBeHidden();
  } finally {
    await slack.close();
  }
});

test('an outbound integration over its rate limit logs the skipped event as rate limited, newest first', async ({ page, api }) => {
  const integrationsApi = new IntegrationsApi(page.request);
  const workflowId = await api.defaultWorkflowId();
  // A flow that fails at once: its only step calls an endpoint that does not exist any more.
  const gone = await api.createEndpoint({ name: uniqueName('Gone'), baseUrl: 'http://127.0.0.1:9', auth: { type: 'none' } });
  const flow = await api.createHttpFlow(uniqueName('Always fails'), { name: 'Call', endpointId: gone.id, path: '/' });
  const name = uniqueName('Limited');
  const integration = await integrationsApi.create(workflowId, {
    kind: 'outbound',
    name,
    trigger: { events: ['run.failed'], flowId: flow.id },
    rateLimit: { perMinute: 1 },
    script: "console.log('told about ' + callback.run.id);",
  });
  const firstRun = await api.startRun(flow.id, {});
  const log = new IntegrationLog(page);
  await log.goto(integration.id);
  await log.expectEntries(1);
  const secondRun = await api.startRun(flow.id, {});
  await log.expectEntries(2);

  const skipped = log.entry(0);
  await expect(skipped).toContainText('Rate limited');
  await expect(skipped).toContainText('did not run');
  await expect(skipped.getByRole('link', { name: new RegExp(secondRun.slice(-8)) })).toBeVisible();
  await expect(log.consoleLines(skipped)).toHaveCount(0);
  const told = log.entry(1);
  await log.expand(told);
  await expect(told).toContainText('Succeeded');
  await expect(log.consoleLines(told)).toContainText([`told about ${firstRun}`]);
});
