import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

test('a Switch built on the canvas follows only the branch the run payload selects', async ({ page, api, flowEditor, activity, target }) => {
  // Builds through the UI and runs several times: on a busy 2-core host it outgrows the default 60 s.
  test.slow();
  target.json('POST', '/api/orders', { ok: 'order' });
  target.json('POST', '/api/refunds', { ok: 'refund' });
  const endpoint = await api.createEndpoint({ name: uniqueName('Shop API'), baseUrl: target.baseUrl, auth: { type: 'none' } });

  // Trigger and the two branch steps are seeded; the Switch is added and wired on the canvas.
  const httpStep = (id: string, name: string, path: string, x: number) => ({
    id,
    type: 'http-request',
    position: { x, y: 420 },
    data: {
      name,
      config: { endpointId: endpoint.id, method: 'POST', path, headers: [], body: '{"kind": "{{trigger.body.kind}}"}', autoEncodeURI: true, timeoutMs: 10_000 },
    },
  });
  const flow = await api.createFlowWithGraph(uniqueName('Order or refund'), {
    nodes: [
      { id: 'trigger-1', type: 'manual-trigger', position: { x: 160, y: 0 }, data: { name: 'Manual Trigger', config: { testPayload: '{"kind": "order"}' } } },
      httpStep('order-1', 'Create order', '/api/orders', -40),
      httpStep('refund-1', 'Refund', '/api/refunds', 360),
    ],
    edges: [],
  });

  await flowEditor.goto(flow.id);
  const switchId = await flowEditor.dragFromPalette('switch', await flowEditor.positionBelow('trigger-1', 70));
  await expect(flowEditor.node(switchId)).toContainText('Switch');
  await flowEditor.connect('trigger-1', switchId);

  await flowEditor.select(switchId);
  await flowEditor.stepNameField.fill('Route by kind');
  await flowEditor.insertReference(flowEditor.field('Value'), 'trigger.body.kind');
  await expect(flowEditor.field('Value')).toHaveValue('{{trigger.body.kind}}');
  const addCase = flowEditor.settings.getByRole('button', { name: 'Add case', exact: true });
  await addCase.click();
  await flowEditor.field('Case 1 value').fill('order');
  await addCase.click();
  await flowEditor.field('Case 2 value').fill('refund');

  // One outgoing handle per case, plus default.
  await expect(flowEditor.branchHandle(switchId, 'order')).toBeVisible();
  await expect(flowEditor.branchHandle(switchId, 'refund')).toBeVisible();
  await expect(flowEditor.branchHandle(switchId, 'default')).toBeVisible();
  await flowEditor.connectBranch(switchId, 'order', 'order-1');
  await flowEditor.connectBranch(switchId, 'refund', 'refund-1');
  await flowEditor.save();

  // The saved flow survives a reload with its branches.
  await page.reload();
  await flowEditor.expectLoaded();
  await expect(flowEditor.edges).toHaveCount(3);

  await flowEditor.run('{"kind": "order"}');
  await activity.openLatestRun(/succeeded/i);
  await flowEditor.expectNodeStatus('order-1', 'succeeded');
  await flowEditor.expectNodeStatus('refund-1', 'skipped');
  await flowEditor.expectNodeStatus(switchId, 'succeeded');
  await expect(activity.stepButton('Create order')).toContainText(/succeeded/i);
  await expect(activity.stepButton('Refund')).not.toContainText(/succeeded/i);
  await activity.openStep('Route by kind', /succeeded/i);
  await expect(activity.section('Branch')).toContainText('order');
  expect(target.requestsTo('POST', '/api/orders')).toHaveLength(1);
  expect(target.requestsTo('POST', '/api/refunds')).toHaveLength(0);

  await flowEditor.run('{"kind": "refund"}');
  await expect(activity.runButtons).toHaveCount(2);
  await activity.openLatestRun(/succeeded/i);
  await flowEditor.expectNodeStatus('refund-1', 'succeeded');
  await flowEditor.expectNodeStatus('order-1', 'skipped');
  await activity.openStep('Refund', /succeeded/i);
  await expect(activity.body('Request body')).toContainText('"kind": "refund"');
  expect(target.requestsTo('POST', '/api/orders')).toHaveLength(1);
  expect(target.requestsTo('POST', '/api/refunds')).toHaveLength(1);

  // No case matches: the (unconnected) default branch is taken and neither step runs.
  await flowEditor.run('{"kind": "exchange"}');
  await expect(activity.runButtons).toHaveCount(3);
  await activity.openLatestRun(/succeeded/i);
  await flowEditor.expectNodeStatus(switchId, 'succeeded');
  await flowEditor.expectNodeStatus('order-1', 'skipped');
  await flowEditor.expectNodeStatus('refund-1', 'skipped');
  await activity.openStep('Route by kind', /succeeded/i);
  await expect(activity.section('Branch')).toContainText('default');
  expect(target.requests).toHaveLength(2);
});
