import { expect, test } from '../fixtures';
import { StepTools } from '../pages/StepTools';
import { uniqueName } from '../support/unique-name';

const position = (y: number) => ({ x: 120, y });
const call = (id: string, name: string, endpointId: string, path: string, y: number) => ({
  id,
  type: 'http-request',
  position: position(y),
  data: { name, config: { endpointId, method: 'GET', path, headers: [], body: '', autoEncodeURI: true, timeoutMs: 10_000 } },
});

test('pins a step output from a run, edits it by hand, and a manual run uses it instead of calling the target', async ({ api, page, flowEditor, activity, target }) => {
  target.json('GET', '/api/order', { id: 'live-1' });
  target.on('GET', '/api/notify/live-1', { json: { notified: 'live-1' } });
  target.on('GET', '/api/notify/pinned-7', { json: { notified: 'pinned-7' } });
  const endpoint = await api.createEndpoint({ name: uniqueName('Orders API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const flow = await api.createFlowWithGraph(uniqueName('Pinned order'), {
    nodes: [
      { id: 'trigger-1', type: 'manual-trigger', position: position(40), data: { name: 'Manual Trigger', config: { testPayload: '{}' } } },
      call('create', 'Create order', endpoint.id, '/api/order', 200),
      call('notify', 'Notify', endpoint.id, '/api/notify/{{Create order.body.id}}', 360),
    ],
    edges: [
      { id: 'e1', source: 'trigger-1', target: 'create', sourceHandle: null },
      { id: 'e2', source: 'create', target: 'notify', sourceHandle: null },
    ],
  });
  const tools = new StepTools(page);

  await flowEditor.goto(flow.id);
  await flowEditor.run();
  await activity.openLatestRun(/succeeded/i);
  await activity.openStep('Create order', /succeeded/i);
  await tools.activityPinButton.click();
  await expect(tools.pinnedBadge(flowEditor.node('create'))).toBeVisible();

  // The pinned output shows in the step's settings, where it can be edited by hand (and is checked).
  await flowEditor.select('create');
  await expect(tools.pinnedOutputField).toContainText('live-1');
  await tools.typePin('{"status": 201, "body": {"id": "pinned-7"');
  await expect(tools.pinnedOutput).toContainText('Not valid JSON');
  await tools.typePin('{"status": 201, "body": {"id": "pinned-7"}}');
  await expect(tools.pinnedOutput).not.toContainText('Not valid JSON');
  await expect(tools.pinnedOutput.getByRole('button', { name: 'Unpin' })).toBeVisible();

  await flowEditor.run();
  await expect(activity.runButtons).toHaveCount(2);
  await activity.openLatestRun(/succeeded/i);
  await activity.openStep('Create order', /succeeded/i);
  await expect(activity.stepButton('Create order')).toContainText('pinned');
  await expect(activity.value('Outputs', 'status')).toHaveText('201');
  await activity.openStep('Notify', /succeeded/i);
  await expect(activity.value('Inputs', 'path')).toHaveText('/api/notify/pinned-7');

  // The pinned step did not call the target the second time; the step after it used the pin.
  expect(target.requestsTo('GET', '/api/order')).toHaveLength(1);
  expect(target.requestsTo('GET', '/api/notify/pinned-7')).toHaveLength(1);

  // The pin was saved with the flow.
  await page.reload();
  await flowEditor.expectLoaded();
  await expect(tools.pinnedBadge(flowEditor.node('create'))).toBeVisible();
});
