import { expect, test } from '../fixtures';
import { StepTools } from '../pages/StepTools';
import { uniqueName } from '../support/unique-name';

test('a step set to retry succeeds on the third try against a target answering 503 twice; each try shows in Activity', async ({ api, page, flowEditor, activity, target }) => {
  let calls = 0;
  target.on('GET', '/api/flaky', () => {
    calls++;
    if (calls === 1) return { status: 503, body: 'busy' };
    // The second 503 says when to come back: the runner honours it.
    if (calls === 2) return { status: 503, headers: { 'Retry-After': '1' }, body: 'still busy' };
    return { json: { ok: true, calls } };
  });
  const endpoint = await api.createEndpoint({ name: uniqueName('Flaky API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const flow = await api.createHttpFlow(uniqueName('Retry flaky'), { name: 'Call flaky', endpointId: endpoint.id, path: '/api/flaky' });
  const tools = new StepTools(page);

  await flowEditor.goto(flow.id);
  await flowEditor.select(flow.stepNodeId);
  await tools.retry(3, 200);
  await flowEditor.run();

  await activity.openLatestRun(/succeeded/i);
  await activity.openStep(flow.stepName, /succeeded/i);
  const tries = tools.activitySection('Tries').getByRole('listitem');
  await expect(tries).toHaveCount(3);
  await expect(tries.nth(0)).toContainText('HTTP 503');
  await expect(tries.nth(1)).toContainText('HTTP 503');
  await expect(tries.nth(1)).toContainText('then waited 1.0 s');
  await expect(tries.nth(2)).toContainText('HTTP 200');
  await expect(activity.value('Outputs', 'status')).toHaveText('200');
  await expect(activity.consoleLines.filter({ hasText: 'trying again' })).toHaveCount(2);
  expect(target.requestsTo('GET', '/api/flaky')).toHaveLength(3);

  // The policy was saved with the flow.
  await page.reload();
  await flowEditor.expectLoaded();
  await flowEditor.select(flow.stepNodeId);
  await expect(tools.onFailureField).toHaveValue('retry');
});
