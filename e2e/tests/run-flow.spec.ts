import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

test('runs a flow and shows the step succeed with the target response in the Activity panel', async ({
  api,
  flowEditor,
  activity,
  target,
}) => {
  const marker = uniqueName('widget').replace(' ', '-');
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  target.requireBasicAuth({ username: 'e2e-user', password });
  target.json('GET', '/api/items', { items: [{ id: 1, name: marker }] });

  const endpoint = await api.createEndpoint({
    name: uniqueName('Basic items API'),
    baseUrl: target.baseUrl,
    auth: { type: 'basic', username: 'e2e-user', password, preemptive: true },
  });
  const flow = await api.createHttpFlow(uniqueName('Run items'), { name: 'Get items', endpointId: endpoint.id, path: '/api/items' });

  await flowEditor.goto(flow.id);
  await flowEditor.openRunDialog();
  await flowEditor.submitRun('{"orderId": ');
  await expect(flowEditor.testPayloadField).toHaveAttribute('aria-invalid', 'true');
  await expect(flowEditor.runDialog).toBeVisible();
  expect(target.requests).toHaveLength(0);
  await flowEditor.submitRun('{"orderId": 42}');
  await expect(flowEditor.runDialog).toBeHidden();

  await activity.openLatestRun(/succeeded/i);
  await activity.openStep(flow.stepName, /succeeded/i);
  await flowEditor.expectNodeStatus(flow.stepNodeId, 'succeeded');

  const http = activity.section('HTTP');
  await expect(http).toContainText(`GET`);
  await expect(http).toContainText(`${target.baseUrl}/api/items`);
  await expect(http).toContainText('200');
  await expect(activity.body('Response body')).toContainText(marker);
  await expect(activity.section('Outputs')).toContainText(marker);
  await expect(activity.headerValue('Request headers', 'authorization')).toHaveText('[redacted]');
  await expect(activity.root).not.toContainText(password);
  await expect(activity.root).not.toContainText(Buffer.from(`e2e-user:${password}`).toString('base64'));

  // The trigger passed the test payload on.
  await activity.openStep(flow.triggerName, /succeeded/i);
  await expect(activity.section('Outputs')).toContainText('"orderId"');
  await expect(activity.section('Outputs')).toContainText('42');

  // The target really got the credentials, preemptively, exactly once.
  const calls = target.requestsTo('GET', '/api/items');
  expect(calls).toHaveLength(1);
  expect(calls[0]?.authorized).toBe(true);
});
