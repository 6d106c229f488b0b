import { readFile } from 'node:fs/promises';
import { expect, test } from '../fixtures';
import { WorkflowTransfer } from '../pages/WorkflowTransfer';
import { arrayOf, isJsonObject, stringField, type JsonObject } from '../support/trpc-http';
import { uniqueName } from '../support/unique-name';
import { WorkflowTransferApi } from '../support/workflow-transfer-api';

const secretish = () => Math.random().toString(36).slice(2, 10);

test('Export workflow downloads the workflow as JSON without any credentials and with Trust self-signed off', async ({
  page,
  api,
  target,
}) => {
  const transferApi = new WorkflowTransferApi(page.request);
  const workflowId = await api.defaultWorkflowId();
  const basicUser = `user-${secretish()}`;
  const basicPassword = `pw-${secretish()}`;
  const clientId = `client-${secretish()}`;
  const clientSecret = `secret-${secretish()}`;
  const oauthUser = `oauth-user-${secretish()}`;
  const oauthPassword = `oauth-pw-${secretish()}`;
  const basic = await api.createEndpoint({
    name: uniqueName('Export Basic'),
    baseUrl: target.baseUrl,
    auth: { type: 'basic', username: basicUser, password: basicPassword, preemptive: true },
  });
  const oauth = await api.createEndpoint({
    name: uniqueName('Export OAuth'),
    baseUrl: 'https://oauth-api.example.test',
    auth: { type: 'oauth2', tokenUrl: `${target.baseUrl}/token`, username: oauthUser, password: oauthPassword, clientId, clientSecret },
  });
  await transferApi.trustSelfSigned(oauth.id);
  const flow = await api.createHttpFlow(uniqueName('Export flow'), { name: 'Call basic', endpointId: basic.id, path: '/items' });

  const transfer = new WorkflowTransfer(page);
  await transfer.goto();
  const download = await transfer.exportWorkflow();
  expect(download.suggestedFilename()).toBe('default-flowyard.json');
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  const file: unknown = JSON.parse(text);
  if (!isJsonObject(file)) throw new Error('the export is not a JSON object');
  expect(file.format).toBe('flowyard-workflow');
  expect(file.version).toBe(1);

  // No authentication data of any kind, and nothing trusts self-signed certificates.
  for (const secret of [basicUser, basicPassword, clientId, clientSecret, oauthUser, oauthPassword]) expect(text).not.toContain(secret);
  const endpoints = arrayOf(file.endpoints, 'endpoints').filter(isJsonObject);
  expect(endpoints.length).toBeGreaterThanOrEqual(2);
  for (const endpoint of endpoints) {
    expect(endpoint.auth).toEqual({ type: 'none' });
    expect(endpoint.trustSelfSigned).toBe(false);
  }
  const exportedBasic = endpoints.find((e) => e.name === basic.name);
  const exportedOauth = endpoints.find((e) => e.name === oauth.name);
  expect(exportedBasic?.baseUrl).toBe(target.baseUrl);
  expect(exportedOauth?.baseUrl).toBe('https://oauth-api.example.test');

  // The flow is there, its step pointing at the exported endpoint.
  const exportedFlow = arrayOf(file.flows, 'flows')
    .filter(isJsonObject)
    .find((f) => f.name === flow.name);
  expect(exportedFlow).toBeDefined();
  const step = nodesOf(exportedFlow).find((node) => node.id === flow.stepNodeId);
  expect(configOf(step).endpointId).toBe(exportedBasic?.exportId);

  // The stored endpoint kept its setting: export only scrubs the file.
  const stored = (await transferApi.endpoints(workflowId)).find((e) => e.id === oauth.id);
  expect(stored?.trustSelfSigned).toBe(true);
});

test('importing a file with problems lists every problem with its JSON path and writes nothing', async ({ page, api, target }) => {
  const transferApi = new WorkflowTransferApi(page.request);
  const workflowId = await api.defaultWorkflowId();
  const flowName = uniqueName('Broken import');
  const file = {
    format: 'flowyard-workflow',
    version: 1,
    exportedAt: new Date().toISOString(),
    workflow: { name: 'Elsewhere' },
    endpoints: [
      // Planted: a scheme other than http(s), and Trust self-signed left on.
      { exportId: 'ep-1', name: uniqueName('Broken API'), baseUrl: 'ftp://files.example.test', trustSelfSigned: true, auth: { type: 'none' } },
    ],
    customSteps: [],
    flows: [
      {
        name: flowName,
        graph: {
          nodes: [
            { id: 'trigger-1', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual Trigger', config: { testPayload: '{}' } } },
            {
              id: 'http-1',
              type: 'http-request',
              position: { x: 0, y: 200 },
              // Planted: an endpoint the file does not hold.
              data: { name: 'Call', config: { endpointId: 'ep-missing', method: 'GET', path: '/x', headers: [], body: '', autoEncodeURI: true, timeoutMs: 10_000 } },
            },
          ],
          edges: [{ id: 'trigger-1->http-1', source: 'trigger-1', target: 'http-1', sourceHandle: null }],
        },
      },
    ],
    constants: [],
    libraries: [],
  };
  const flowsBefore = await transferApi.flowCount(workflowId);
  const endpointsBefore = (await transferApi.endpoints(workflowId)).length;

  const transfer = new WorkflowTransfer(page);
  await transfer.goto();
  const dialog = await transfer.openImport();
  await dialog.chooseFile('broken-flowyard.json', file);
  await expect(dialog.root.getByRole('alert')).toContainText('Nothing was written');
  await expect(dialog.problems).toHaveCount(3);
  await expect(dialog.problems.filter({ hasText: 'endpoints[0].baseUrl' })).toHaveCount(1);
  await expect(dialog.problems.filter({ hasText: 'endpoints[0].trustSelfSigned' })).toHaveCount(1);
  await expect(dialog.problems.filter({ hasText: 'flows[0].graph.nodes[1].data.config.endpointId' })).toHaveCount(1);
  await expect(dialog.importButton).toBeDisabled();

  // Not JSON at all: one problem for the whole file.
  await dialog.chooseFile('not-json.json', '{ "format": ');
  await expect(dialog.problems).toHaveCount(1);
  await expect(dialog.problems.first()).toContainText('not valid JSON');
  await dialog.root.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog.root).toBeHidden();

  expect(await transferApi.flowCount(workflowId)).toBe(flowsBefore);
  expect((await transferApi.endpoints(workflowId)).length).toBe(endpointsBefore);
  await page.goto('/flows');
  await expect(page.getByRole('link', { name: flowName, exact: true })).toHaveCount(0);
  expect(target.requests).toHaveLength(0);
});

test('import rebinds endpoints whose names match, and creates the others flagged Needs credentials until they get credentials', async ({
  page,
  api,
  target,
  endpointsPage,
  endpointDialog,
  flowEditor,
}) => {
  const transferApi = new WorkflowTransferApi(page.request);
  const workflowId = await api.defaultWorkflowId();
  const orders = await api.createEndpoint({
    name: uniqueName('Orders'),
    baseUrl: target.baseUrl,
    auth: { type: 'basic', username: 'orders-user', password: `pw-${secretish()}`, preemptive: true },
  });
  const billing = await api.createEndpoint({ name: uniqueName('Billing'), baseUrl: `${target.baseUrl}/billing`, auth: { type: 'none' } });
  const notify = await api.createCustomStep({
    name: uniqueName('Notify'),
    includeEndpoint: true,
    endpointLabel: 'Target',
    script: "http.request({ endpoint: 'Target', method: 'POST', path: '/notify' }).write({ ok: true });",
  });
  const source = await api.createFlowWithGraph(uniqueName('Source'), {
    nodes: [
      { id: 'trigger-1', type: 'manual-trigger', position: { x: 120, y: 40 }, data: { name: 'Manual Trigger', config: { testPayload: '{}' } } },
      {
        id: 'orders-1',
        type: 'http-request',
        position: { x: 120, y: 220 },
        data: { name: 'Get orders', config: { endpointId: orders.id, method: 'GET', path: '/orders', headers: [], body: '', autoEncodeURI: true, timeoutMs: 10_000 } },
      },
      {
        id: 'notify-1',
        type: 'custom-step',
        position: { x: 120, y: 400 },
        data: { name: 'Notify billing', config: { customStepId: notify.id, inputs: {}, endpointId: billing.id } },
      },
    ],
    edges: [
      { id: 'trigger-1->orders-1', source: 'trigger-1', target: 'orders-1', sourceHandle: null },
      { id: 'orders-1->notify-1', source: 'orders-1', target: 'notify-1', sourceHandle: null },
    ],
  });

  // The export of this one flow and what it uses (the shared test workflow holds many more).
  const exported = await transferApi.exportFile(workflowId);
  const only = (flowName: string, renameEndpoints: (name: string) => string) => {
    const endpoints = arrayOf(exported.endpoints, 'endpoints').filter(isJsonObject);
    const customSteps = arrayOf(exported.customSteps, 'customSteps').filter(isJsonObject);
    const flow = arrayOf(exported.flows, 'flows')
      .filter(isJsonObject)
      .find((f) => f.name === source.name);
    if (!flow) throw new Error('the export lacks the source flow');
    return {
      ...exported,
      endpoints: endpoints.filter((e) => e.name === orders.name || e.name === billing.name).map((e) => ({ ...e, name: renameEndpoints(stringField(e, 'name')) })),
      customSteps: customSteps.filter((s) => isJsonObject(s.step) && s.step.name === notify.name),
      flows: [{ ...flow, name: flowName }],
      constants: [],
      libraries: [],
    };
  };
  const endpointsBefore = (await transferApi.endpoints(workflowId)).length;
  const transfer = new WorkflowTransfer(page);

  // Same names: the dialog offers to bind each endpoint to the existing one, and does by default.
  const rebound = uniqueName('Rebound');
  await transfer.goto();
  let dialog = await transfer.openImport();
  await dialog.chooseFile('orders-flowyard.json', only(rebound, (name) => name));
  await expect(dialog.preview).toBeVisible();
  await expect(dialog.bindOption(orders.name, orders.name)).toBeChecked();
  await expect(dialog.bindOption(billing.name, billing.name)).toBeChecked();
  await expect(dialog.createOption(orders.name)).not.toBeChecked();
  await dialog.importButton.click();
  await expect(dialog.done).toContainText('Imported');
  await expect(dialog.importedFlow(rebound)).toBeVisible();
  await dialog.close();
  expect((await transferApi.endpoints(workflowId)).length).toBe(endpointsBefore);

  await page.goto('/flows');
  await page.getByRole('link', { name: rebound, exact: true }).click();
  await flowEditor.expectLoaded();
  await expect(flowEditor.node('orders-1')).toBeVisible();
  await expect(flowEditor.node('notify-1')).toBeVisible();
  await expect(flowEditor.node('orders-1').getByLabel('Needs credentials', { exact: true })).toHaveCount(0);
  await flowEditor.select('orders-1');
  expect(await flowEditor.selectedEndpoint()).toBe(orders.name);

  // Other names: nothing to bind to, so the endpoints are created and flagged.
  const created = uniqueName('Created');
  const copyOf = (name: string) => `${name} copy`;
  await transfer.goto();
  dialog = await transfer.openImport();
  await dialog.chooseFile('orders-copy-flowyard.json', only(created, copyOf));
  await expect(dialog.preview).toBeVisible();
  await expect(dialog.createOption(copyOf(orders.name))).toBeChecked();
  await expect(dialog.endpointChoice(copyOf(orders.name)).getByRole('radio', { name: /^Bind to existing/ })).toHaveCount(0);
  await expect(dialog.createOption(copyOf(billing.name))).toBeChecked();
  await dialog.importButton.click();
  await expect(dialog.done).toContainText('Imported');
  await dialog.importedFlow(created).click();
  await expect(dialog.root).toBeHidden();
  await flowEditor.expectLoaded();
  await expect(flowEditor.node('orders-1').getByLabel('Needs credentials', { exact: true })).toBeVisible();
  await expect(flowEditor.node('notify-1').getByLabel('Needs credentials', { exact: true })).toBeVisible();
  expect((await transferApi.endpoints(workflowId)).length).toBe(endpointsBefore + 2);

  // The endpoint shows the badge until its credentials are entered and saved.
  await endpointsPage.goto();
  await expect(endpointsPage.item(copyOf(orders.name))).toContainText('Needs credentials');
  await expect(endpointsPage.item(copyOf(billing.name))).toContainText('Needs credentials');
  await expect(endpointsPage.item(orders.name)).not.toContainText('Needs credentials');
  await endpointsPage.open(copyOf(orders.name));
  await endpointDialog.fill({
    name: copyOf(orders.name),
    baseUrl: target.baseUrl,
    auth: { type: 'basic', username: 'orders-user', password: `pw-${secretish()}`, preemptive: true },
  });
  await endpointDialog.saveAndClose();
  await expect(endpointsPage.item(copyOf(orders.name))).not.toContainText('Needs credentials');
  await expect(endpointsPage.item(copyOf(orders.name))).toContainText('Basic');
  await expect(endpointsPage.item(copyOf(billing.name))).toContainText('Needs credentials');

  await page.goto('/flows');
  await page.getByRole('link', { name: created, exact: true }).click();
  await flowEditor.expectLoaded();
  await expect(flowEditor.node('notify-1').getByLabel('Needs credentials', { exact: true })).toBeVisible();
  await expect(flowEditor.node('orders-1').getByLabel('Needs credentials', { exact: true })).toHaveCount(0);
});

function nodesOf(flow: JsonObject | undefined): JsonObject[] {
  const graph = flow?.graph;
  return isJsonObject(graph) ? arrayOf(graph.nodes, 'graph.nodes').filter(isJsonObject) : [];
}

function configOf(node: JsonObject | undefined): JsonObject {
  const data = node?.data;
  const config = isJsonObject(data) ? data.config : undefined;
  return isJsonObject(config) ? config : {};
}
