import { createServer } from 'node:http';
import { expect, test } from '@playwright/test';
import { ActivityPanel } from '../pages/ActivityPanel';
import { SignInPage } from '../pages/SignInPage';
import { adminAccount } from '../support/admin-account';
import { adminApi, startPgCluster } from '../support/pg-cluster';
import { arrayOf, field, stringField } from '../support/trpc-http';

// Scenario 3 of issue 12: on PostgreSQL, web A shows live a run that web B admitted and a worker
// executed (neither web runs anything), and `?wait=true` through web B answers with its outputs.

test('web A watches live a run web B triggered and a worker executed; ?wait=true through B returns its outputs', async ({ browser }) => {
  test.setTimeout(180_000);
  // A target that holds its answer, so the run is seen running before it ends.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const target = createServer((_req, res) => {
    void held.then(() => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ answer: 'from the worker' }));
    });
  });
  const targetPort = await new Promise<number>((resolve) => target.listen(0, '127.0.0.1', () => resolve(Number(Object(target.address()).port))));
  const cluster = await startPgCluster();
  try {
    const webA = await cluster.start('web');
    const webB = await cluster.start('web');
    await cluster.start('worker');

    const api = await adminApi(webA.url);
    const workflows = arrayOf(await api.query('workflows.list'), 'workflows');
    const workflowId = stringField(workflows[0], 'id');
    const endpoint = await api.mutation('endpoints.create', { workflowId, name: 'Held target', baseUrl: `http://127.0.0.1:${targetPort}`, trustSelfSigned: false, auth: { type: 'none' } });
    const flow = await api.mutation('flows.create', { workflowId, name: 'Across instances' });
    const position = { x: 0, y: 0 };
    await api.mutation('flows.save', {
      id: stringField(flow, 'id'),
      version: field(flow, 'version'),
      graph: {
        nodes: [
          { id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } },
          { id: 'call', type: 'http-request', position: { x: 0, y: 160 }, data: { name: 'Ask target', config: { endpointId: stringField(endpoint, 'id'), path: '/ask' } } },
        ],
        edges: [{ id: 'e', source: 'hook', target: 'call', sourceHandle: null }],
      },
    });
    const key = stringField(await api.mutation('apiKeys.create', { name: 'scale-e2e' }), 'key');
    const flowId = stringField(flow, 'id');

    // A person on web A, with the flow open.
    const context = await browser.newContext({ baseURL: webA.url, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(adminAccount.email, adminAccount.password);
    await signIn.expectSignedIn();
    await page.goto(`/flows/${flowId}`);
    const activity = new ActivityPanel(page);
    await expect(activity.root).toBeVisible();
    await expect(activity.runButtons).toHaveCount(0);

    // Triggered through web B, waiting for the outcome there.
    const answer = fetch(`${webB.url}/hooks/${flowId}/hook?wait=true`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: '{"n": 1}' });
    await expect(activity.runButtons).toHaveCount(1, { timeout: 20_000 });
    await activity.openLatestRun(/running/i);
    await expect(activity.stepButton('Ask target')).toContainText(/running/i, { timeout: 20_000 });
    release();
    await activity.openStep('Ask target', /succeeded/i);
    await expect(activity.runButtons.first()).toContainText(/succeeded/i);
    await expect(activity.value('Outputs', 'body')).toContainText('from the worker');

    const response = await answer;
    expect(response.status).toBe(200);
    const outcome: unknown = await response.json();
    expect(stringField(outcome, 'status')).toBe('succeeded');
    expect(JSON.stringify(field(outcome, 'outputs'))).toContain('from the worker');
    await context.close();
  } finally {
    release();
    await cluster.close();
    target.closeAllConnections();
    target.close();
  }
});
