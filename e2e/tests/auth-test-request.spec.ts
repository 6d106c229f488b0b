import { mockCredentials } from '../mocks/providers/start-mock-providers';
import { refusedPort } from '../mocks/refused-port';
import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

// The endpoint dialog's Test request sends the real request through the engine, with the
// endpoint's authentication, and shows every exchange with secrets redacted.

test('Test request through an OAuth2 endpoint shows the token and API exchanges, redacted', async ({ api, endpointsPage, providers }) => {
  const account = mockCredentials.oauth2;
  const endpoint = await api.createEndpoint({
    name: uniqueName('OAuth2 test request'),
    baseUrl: providers.oauth2.apiUrl,
    auth: { type: 'oauth2', tokenUrl: providers.oauth2.tokenUrl, ...account },
  });
  await endpointsPage.goto();
  const dialog = await endpointsPage.open(endpoint.name);

  await dialog.sendTestRequest('GET', '/orders?status=open');
  await expect(dialog.testResponse).toContainText('200');
  await expect(dialog.testResponse).toContainText(account.username);
  await expect(dialog.testResponse).toContainText('/api/orders');

  // The request itself is the last exchange: its Authorization is redacted, and no secret shows.
  const request = dialog.testExchange(-1);
  await expect(request).toContainText(`${providers.oauth2.apiUrl}/orders?status=open`);
  await expect(dialog.exchangeHeader(request, 'Request headers', 'authorization')).toHaveText('[redacted]');
  const issuedToken = providers.requests.find((r) => r.provider === 'oauth2' && r.path.startsWith('/api/'))?.headers.authorization;
  expect(issuedToken).toMatch(/^Bearer oauth2-at-/);
  await expect(dialog.root).not.toContainText(issuedToken?.slice('Bearer '.length) ?? 'no token');
  await expect(dialog.root).not.toContainText(account.password);
  await expect(dialog.root).not.toContainText(account.clientSecret);
  expect(providers.count('oauth2', '/api/orders')).toBe(1);
});

test('Test request sends the method, headers and body as entered, with Basic credentials redacted', async ({
  api,
  endpointsPage,
  endpointDialog,
  target,
  page,
}) => {
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  target.requireBasicAuth({ username: 'svc', password });
  target.on('POST', '/api/echo', (request) => ({ status: 201, json: { got: request.body, trace: request.headers['x-trace'] } }));
  const endpoint = await api.createEndpoint({
    name: uniqueName('Basic test request'),
    baseUrl: target.baseUrl,
    auth: { type: 'basic', username: 'svc', password, preemptive: true },
  });
  await endpointsPage.goto();
  await endpointsPage.open(endpoint.name);
  const dialog = endpointDialog;

  await dialog.testTab.click();
  await dialog.testMethodField.selectOption('POST');
  await dialog.testPathField.fill('/api/echo');
  await dialog.root.getByRole('button', { name: 'Add header' }).click();
  await dialog.root.getByLabel('Header name').fill('X-Trace');
  await dialog.root.getByLabel('Header value').fill('trace-42');
  await dialog.testBodyField.fill('{"hello":"world"}');
  // Enter in the path sends the test (it does not save and close the dialog).
  await dialog.testPathField.press('Enter');
  await expect(dialog.testResponse).toContainText('201');
  await expect(dialog.testResponse).toContainText('trace-42');
  await expect(dialog.root).toBeVisible();

  const [received] = target.requestsTo('POST', '/api/echo');
  expect(received?.body).toBe('{"hello":"world"}');
  expect(received?.headers['x-trace']).toBe('trace-42');
  expect(received?.authorized).toBe(true);
  const exchange = dialog.testExchange(-1);
  await expect(dialog.exchangeHeader(exchange, 'Request headers', 'authorization')).toHaveText('[redacted]');
  await expect(dialog.root).not.toContainText(password);
  await expect(dialog.root).not.toContainText(Buffer.from(`svc:${password}`).toString('base64'));
  await expect(page.getByRole('dialog')).toHaveCount(1);
});

test('Test request reports a connection failure with its code', async ({ api, endpointsPage }) => {
  const port = await refusedPort();
  const endpoint = await api.createEndpoint({ name: uniqueName('Nowhere'), baseUrl: `http://127.0.0.1:${port}`, auth: { type: 'none' } });
  await endpointsPage.goto();
  const dialog = await endpointsPage.open(endpoint.name);
  await dialog.sendTestRequest('GET', '/ping');
  await expect(dialog.testResponse).toContainText('HTTP_CONNECT_FAILED');
});
