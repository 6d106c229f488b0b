import { expect, test } from '../fixtures';
import { adminAccount } from '../support/admin-account';
import type { TestGraph } from '../support/flowyard-api';
import { refusedPort } from '../mocks/refused-port';
import { uniqueName } from '../support/unique-name';

const position = (y: number) => ({ x: 120, y });
const trigger = { id: 'trigger-1', type: 'manual-trigger', position: position(40), data: { name: 'Manual Trigger', config: { testPayload: '{}' } } };
const call = (id: string, name: string, endpointId: string, path: string, y: number) => ({
  id,
  type: 'http-request',
  position: position(y),
  data: { name, config: { endpointId, method: 'GET', path, headers: [], body: '', autoEncodeURI: true, timeoutMs: 60_000 } },
});
const chain = (nodes: TestGraph['nodes']): TestGraph => ({
  nodes,
  edges: nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: nodes[i]?.id ?? '', target: node.id, sourceHandle: null })),
});

test('the Activity panel pages past 50 runs as the list scrolls, and its header counts them all', async ({ api, flowEditor, activity, target }) => {
  target.json('GET', '/ping', { ok: true });
  const endpoint = await api.createEndpoint({ name: uniqueName('Ping API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const flow = await api.createHttpFlow(uniqueName('Busy flow'), { name: 'Ping', endpointId: endpoint.id, path: '/ping' });
  for (let i = 0; i < 55; i++) await api.startRun(flow.id, { i });

  await flowEditor.goto(flow.id);
  await expect(activity.runCount).toHaveText('55 runs');
  await expect(activity.runButtons).toHaveCount(50);
  await activity.scrollRuns();
  await expect(activity.runButtons).toHaveCount(55);
});

test('filtering by status lives in the URL: a link shows the same list, and a choice changes the link', async ({ page, api, activity, target }) => {
  target.json('GET', '/ping', { ok: true });
  const name = uniqueName('Flaky API');
  const endpoint = await api.createEndpoint({ name, baseUrl: target.baseUrl, auth: { type: 'none' } });
  const flow = await api.createHttpFlow(uniqueName('Flaky flow'), { name: 'Ping', endpointId: endpoint.id, path: '/ping' });
  await api.startRun(flow.id, {});
  await api.startRun(flow.id, {});
  await api.updateEndpoint(endpoint.id, { name, baseUrl: `http://127.0.0.1:${await refusedPort()}`, auth: { type: 'none' } });
  const failed = await api.startRun(flow.id, {});

  await page.goto(`/flows/${flow.id}?status=failed`);
  await expect(activity.runButtons).toHaveCount(1, { timeout: 20_000 });
  await expect(activity.runButtons.first()).toContainText(/failed/i);
  await expect(activity.runCount).toHaveText('1 matching run');
  await expect(activity.filter('Status')).toHaveValue('failed');
  await activity.runButtons.first().click();
  await expect(activity.root).toContainText('HTTP_CONNECT_FAILED');
  expect(failed).toBeTruthy();

  await activity.filter('Status').selectOption('succeeded');
  await expect(page).toHaveURL(/[?&]status=succeeded/);
  await expect(activity.runButtons).toHaveCount(2);
  await expect(activity.runCount).toHaveText('2 matching runs');
});

test('Stop run cancels a run waiting on a slow target: it ends interrupted with RUN_STOPPED and who stopped it', async ({ flowEditor, api, activity, target }) => {
  target.on('GET', '/slow', { status: 200, json: { late: true }, delayMs: 60_000 });
  target.json('GET', '/after', { ok: true });
  const endpoint = await api.createEndpoint({ name: uniqueName('Slow API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const flow = await api.createFlowWithGraph(uniqueName('Slow flow'), chain([trigger, call('slow', 'Slow call', endpoint.id, '/slow', 200), call('after', 'After', endpoint.id, '/after', 360)]));
  await api.startRun(flow.id, {});

  await flowEditor.goto(flow.id);
  await activity.openLatestRun(/running/i);
  await expect(activity.stepButton('Slow call')).toContainText(/running/i);
  await activity.action('Stop run').click();

  await expect(activity.runButtons.first()).toContainText(/interrupted/i, { timeout: 15_000 });
  await expect(activity.runError).toContainText('RUN_STOPPED');
  await expect(activity.runError).toContainText(`Stopped by ${adminAccount.name}`);
  await expect(activity.stepButton('Slow call')).toContainText(/interrupted/i);
  await expect(activity.stepButton('After')).toContainText(/skipped/i);
  await expect(activity.action('Re-run')).toBeVisible();
  expect(target.requestsTo('GET', '/after')).toHaveLength(0);
});

test('Re-run from here on the second of three steps runs it and the third again, replaying the first', async ({ flowEditor, api, activity, target }) => {
  let firstCalls = 0;
  target.on('GET', '/first', () => ({ status: 200, json: { n: ++firstCalls } }));
  target.on('GET', '/second', (request) => ({ status: 200, json: { saw: request.query.get('n') } }));
  target.json('GET', '/third', { ok: true });
  const endpoint = await api.createEndpoint({ name: uniqueName('Chain API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const flow = await api.createFlowWithGraph(
    uniqueName('Three steps'),
    chain([trigger, call('first', 'First', endpoint.id, '/first', 200), call('second', 'Second', endpoint.id, '/second?n={{First.body.n}}', 360), call('third', 'Third', endpoint.id, '/third', 520)]),
  );
  const past = await api.startRun(flow.id, { order: 7 });

  await flowEditor.goto(flow.id);
  await activity.openLatestRun(/succeeded/i);
  await activity.openStep('Second', /succeeded/i);
  await activity.action('Re-run from here').click();

  await expect(activity.runButtons).toHaveCount(2);
  await expect(activity.runButtons.first()).toContainText(/succeeded/i, { timeout: 20_000 });
  await expect(activity.runButtons.first()).toHaveAttribute('aria-pressed', 'true');
  await expect(activity.relatedRuns).toContainText(`Re-run of run ${past.slice(-8)} from step "Second"`);
  await activity.openStep('First', /succeeded/i);
  await expect(activity.root).toContainText(`replayed from run ${past.slice(-8)}`);
  await activity.openStep('Second', /succeeded/i);
  await expect(activity.root).not.toContainText('replayed from run');
  await expect(activity.section('Outputs')).toContainText('"saw": "1"');
  await activity.openStep('Third', /succeeded/i);

  // Nothing upstream ran again: the first step was called once, by the past run.
  expect(target.requestsTo('GET', '/first')).toHaveLength(1);
  expect(target.requestsTo('GET', '/second')).toHaveLength(2);
  expect(target.requestsTo('GET', '/third')).toHaveLength(2);

  // And back: the past run links to its re-run.
  await activity.relatedRuns.getByRole('button', { name: `run ${past.slice(-8)}` }).click();
  await expect(activity.relatedRuns).toContainText('Re-run as run');
});

test('the Activity page lists the runs of every flow, with the flow as a filter in the URL; a pasted run id opens that run', async ({ page, api, activity, target }) => {
  target.json('GET', '/ping', { ok: true });
  const endpoint = await api.createEndpoint({ name: uniqueName('Page API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const one = await api.createHttpFlow(uniqueName('Page flow one'), { name: 'Ping', endpointId: endpoint.id, path: '/ping' });
  const two = await api.createHttpFlow(uniqueName('Page flow two'), { name: 'Ping', endpointId: endpoint.id, path: '/ping' });
  await api.startRun(one.id, {});
  const latest = await api.startRun(two.id, {});

  await page.goto('/activity');
  const runs = page.getByRole('list', { name: 'Runs' }).getByRole('link');
  await expect(runs.first()).toContainText(two.name);
  await expect(runs.nth(1)).toContainText(one.name);
  await page.getByRole('search', { name: 'Filter runs' }).getByLabel('Flow', { exact: true }).selectOption(one.id);
  await expect(page).toHaveURL(new RegExp(`[?&]flow=${one.id}`));
  await expect(runs).toHaveCount(1);
  await expect(runs.first()).toContainText(one.name);
  await expect(page.getByLabel('Run count')).toHaveText('1 matching run');
  await runs.first().click();
  await expect(page).toHaveURL(new RegExp(`/flows/${one.id}\\?run=`));
  await expect(activity.runButtons.first()).toHaveAttribute('aria-pressed', 'true');

  // A run of the other flow, pasted into the panel's search, opens in its own flow.
  await activity.root.getByLabel('Find a run by id').fill(latest);
  await expect(page).toHaveURL(new RegExp(`/flows/${two.id}\\?run=${latest}`));
  await expect(activity.runButtons.first()).toHaveAttribute('aria-pressed', 'true');
});
