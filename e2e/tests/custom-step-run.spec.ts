import { expect, test } from '../fixtures';
import { selectOptionByLabel } from '../pages/select-option';
import { StepsLibraryPage } from '../pages/StepsLibraryPage';
import { uniqueName } from '../support/unique-name';

// Posts the mapped customer to the step's endpoint (by its label), logs, and sets an output.
const script = `var req = http.request({ endpoint: 'Orders', method: 'POST', path: '/api/orders', headers: { 'Content-Type': 'application/json' } });
var resp = req.write({ customer: input['Customer'], note: input['Note'] });
if (resp.statusCode >= 300) throw new Error('Orders said ' + resp.body);
output['Order Id'] = JSON.parse(resp.body).id;
console.log('posted order for ' + input['Customer'] + ', status ' + resp.statusCode);`;

test('creates a custom step in the Steps library, maps trigger data into it on the canvas, runs it and shows console, HTTP and output', async ({
  page,
  api,
  flowEditor,
  activity,
  target,
}) => {
  // Builds through the UI and runs several times: on a busy 2-core host it outgrows the default 60 s.
  test.slow();
  const stepName = uniqueName('Post order');
  const customer = uniqueName('Ada').replace(' ', '-');
  const orderId = `ord-${customer}`;
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  target.requireBasicAuth({ username: 'e2e-user', password });
  target.on('POST', '/api/orders', { status: 201, json: { id: orderId } });
  const endpoint = await api.createEndpoint({
    name: uniqueName('Orders API'),
    baseUrl: target.baseUrl,
    auth: { type: 'basic', username: 'e2e-user', password, preemptive: true },
  });

  // The Steps library: a step with two inputs, an output, an endpoint label and the script.
  const library = new StepsLibraryPage(page);
  await page.goto('/');
  await library.openFromNavigation();
  const editor = await library.newStep();
  await editor.nameField.fill(stepName);
  await editor.descriptionField.fill('Posts an order for a customer');
  await editor.addInput({ label: 'Customer', required: true, maxLength: 200, helpText: 'Who ordered' });
  await editor.addInput({ label: 'Note', defaultValue: 'no note' });
  await editor.addOutput('Order Id');
  await editor.includeEndpoint('Orders');
  await editor.setScript(script);
  expect(await editor.scriptText()).toBe(script);
  // The sidebar lists what the script can use.
  await expect(editor.availableItem(`input['Customer']`)).toBeVisible();
  await expect(editor.availableItem(`output['Order Id']`)).toBeVisible();
  await expect(editor.availableItem(endpoint.name)).toBeVisible();
  await editor.save(stepName);

  await library.goto();
  await expect(library.item(stepName)).toContainText('Orders');
  await expect(library.item(stepName)).toContainText('Not used');

  // A flow whose trigger remembers a sample payload, so Available data offers its fields.
  const triggerNodeId = 'trigger-1';
  const flow = await api.createFlowWithGraph(uniqueName('Order intake'), {
    nodes: [
      {
        id: triggerNodeId,
        type: 'manual-trigger',
        position: { x: 120, y: 40 },
        data: { name: 'Manual Trigger', config: { testPayload: '{"customer": {"name": "Sample"}, "orderId": 1}' } },
      },
    ],
    edges: [],
  });

  await flowEditor.goto(flow.id);
  const stepNodeId = await flowEditor.dragCustomFromPalette(stepName, await flowEditor.positionBelow(triggerNodeId));
  await expect(flowEditor.node(stepNodeId)).toContainText(stepName);
  await expect(flowEditor.needsSettingsBadge(stepNodeId)).toBeVisible();
  await flowEditor.connect(triggerNodeId, stepNodeId);

  await flowEditor.select(stepNodeId);
  await selectOptionByLabel(flowEditor.field('Orders'), endpoint.name);
  await expect(flowEditor.availableReference('trigger.body')).toBeVisible();
  await flowEditor.insertReference(flowEditor.field('Customer'), 'trigger.body.customer.name');
  await expect(flowEditor.field('Customer')).toHaveValue('{{trigger.body.customer.name}}');
  await expect(flowEditor.needsSettingsBadge(stepNodeId)).toHaveCount(0);
  await expect(flowEditor.invalidReferenceBadge(stepNodeId)).toHaveCount(0);
  await flowEditor.save();

  // The value comes from the run's payload, not from the remembered sample.
  await flowEditor.run(JSON.stringify({ customer: { name: customer }, orderId: 42 }));
  await activity.openLatestRun(/succeeded/i);
  await activity.openStep(stepName, /succeeded/i);
  await flowEditor.expectNodeStatus(stepNodeId, 'succeeded');

  await expect(activity.value('Inputs', 'Customer')).toHaveText(customer);
  await expect(activity.value('Inputs', 'Note')).toHaveText('no note');
  await expect(activity.value('Outputs', 'Order Id')).toHaveText(orderId);
  await expect(activity.consoleLines).toHaveCount(1);
  await expect(activity.consoleLines.first()).toContainText(`posted order for ${customer}, status 201`);

  const http = activity.section('HTTP');
  await expect(http.getByRole('article')).toHaveCount(1);
  await expect(http).toContainText('POST');
  await expect(http).toContainText(`${target.baseUrl}/api/orders`);
  await expect(http).toContainText('201');
  await expect(activity.body('Request body')).toContainText(customer);
  await expect(activity.body('Response body')).toContainText(orderId);
  await expect(activity.headerValue('Request headers', 'authorization')).toHaveText('[redacted]');
  await expect(activity.root).not.toContainText(password);
  await expect(activity.root).not.toContainText(Buffer.from(`e2e-user:${password}`).toString('base64'));

  // The target really got the mapped value, with the endpoint's credentials, once.
  const calls = target.requestsTo('POST', '/api/orders');
  expect(calls).toHaveLength(1);
  expect(calls[0]?.authorized).toBe(true);
  expect(JSON.parse(calls[0]?.body ?? 'null')).toEqual({ customer, note: 'no note' });

  // The library now counts the flow's use of the step.
  await library.goto();
  await expect(library.item(stepName)).toContainText('Used in 1 place');
});
