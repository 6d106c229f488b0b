import { expect, test } from '../fixtures';
import { StepTools } from '../pages/StepTools';
import { uniqueName } from '../support/unique-name';

const position = (y: number) => ({ x: 120, y });

test('tests one step with references from the last run; recorded as a test, not as a run', async ({ api, page, flowEditor, activity, target }) => {
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  target.requireBasicAuth({ username: 'e2e-user', password });
  target.json('GET', '/api/order', { id: 'abc-1' });
  target.on('POST', '/api/notify/abc-1', { json: { notified: true } });
  const endpoint = await api.createEndpoint({ name: uniqueName('Orders API'), baseUrl: target.baseUrl, auth: { type: 'basic', username: 'e2e-user', password, preemptive: true } });
  const config = (method: string, path: string) => ({ endpointId: endpoint.id, method, path, headers: [], body: '', autoEncodeURI: true, timeoutMs: 10_000 });
  const flow = await api.createFlowWithGraph(uniqueName('Test one step'), {
    nodes: [
      { id: 'trigger-1', type: 'manual-trigger', position: position(40), data: { name: 'Manual Trigger', config: { testPayload: '{}' } } },
      { id: 'create', type: 'http-request', position: position(200), data: { name: 'Create order', config: config('GET', '/api/order') } },
      { id: 'notify', type: 'http-request', position: position(360), data: { name: 'Notify', config: config('POST', '/api/notify/{{Create order.body.id}}') } },
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
  target.clearRequests();

  await flowEditor.select('notify');
  await tools.runTest();
  const result = tools.testResult;
  await expect(result).toContainText(/succeeded/i);
  await expect(result).toContainText('Create order (last run)');
  await expect(result.getByRole('region', { name: 'Inputs', exact: true })).toContainText('/api/notify/abc-1');
  const http = result.getByRole('region', { name: 'HTTP', exact: true });
  await expect(http).toContainText(`${target.baseUrl}/api/notify/abc-1`);
  await expect(http).toContainText('200');
  // Redacted as in Activity.
  await expect(http).toContainText('[redacted]');
  await expect(tools.testStep).not.toContainText(password);

  // Only the tested step reached the target, and the flow still has one run.
  expect(target.requestsTo('GET', '/api/order')).toHaveLength(0);
  expect(target.requestsTo('POST', '/api/notify/abc-1')).toHaveLength(1);
  await expect(activity.runButtons).toHaveCount(1);

  // The test is recorded: it is still shown after a reload.
  await page.reload();
  await flowEditor.expectLoaded();
  await flowEditor.select('notify');
  await expect(tools.testResult).toContainText('/api/notify/abc-1');
});
