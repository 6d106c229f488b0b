import { mockCredentials } from '../mocks/providers/start-mock-providers';
import { expect, test } from '../fixtures';
import { serverProviders } from '../support/server-providers';
import { uniqueName } from '../support/unique-name';

// Slack and Microsoft Graph connect through a popup running the provider's authorization page
// (the server's mock providers), whose callback reports back to the dialog.

test('connects a Microsoft Graph endpoint through the popup, then reconnects', async ({ endpointsPage }) => {
  const name = uniqueName('Graph');
  await endpointsPage.goto();
  const dialog = await endpointsPage.addEndpoint();
  await dialog.fill({ name, baseUrl: serverProviders().graphUrl, auth: { type: 'msgraph' } });
  await expect(dialog.root).toContainText('Not connected yet.');

  // A new endpoint is saved first; the dialog then edits it.
  await dialog.connectThroughPopup();
  await dialog.expectOpen('Edit Endpoint');
  const connected = dialog.root.getByText(/^Connected as /);
  const { displayName, userPrincipalName } = mockCredentials.microsoft;
  await expect(connected).toHaveText(/^Connected as .+ on .+/);
  await expect(connected).toContainText(`Connected as ${displayName} (${userPrincipalName}) on `);
  await expect(dialog.reconnectButton).toBeVisible();
  await expect(dialog.connectButton).toHaveCount(0);
  await expect(dialog.authenticationField).not.toBeEditable();

  await dialog.connectThroughPopup(dialog.reconnectButton);
  await expect(connected).toBeVisible();

  // The connection is stored: reopening the endpoint shows it.
  await dialog.close();
  const reopened = await endpointsPage.open(name);
  await expect(reopened.root.getByText(/^Connected as /)).toContainText(displayName);

  // Graph requests carry the token as a Bearer header, redacted in what the dialog shows.
  await reopened.sendTestRequest('GET', '/v1.0/me');
  await expect(reopened.testResponse).toContainText('200');
  await expect(reopened.testResponse).toContainText(userPrincipalName);
  const exchange = reopened.testExchange(-1);
  await expect(reopened.exchangeHeader(exchange, 'Request headers', 'authorization')).toHaveText('[redacted]');
});

test('connects a Slack endpoint and shows who connected', async ({ endpointsPage }) => {
  await endpointsPage.goto();
  const dialog = await endpointsPage.addEndpoint();
  await dialog.fill({ name: uniqueName('Slack'), baseUrl: serverProviders().slackApiUrl, auth: { type: 'slack' } });
  await dialog.connectThroughPopup();
  await expect(dialog.root.getByText(/^Connected as /)).toContainText(mockCredentials.slack.userName);
  await expect(dialog.reconnectButton).toBeVisible();
});

test('shows the error the callback reports when access is not granted', async ({ endpointsPage }) => {
  await endpointsPage.goto();
  const dialog = await endpointsPage.addEndpoint();
  await dialog.fill({ name: uniqueName('Denied Slack'), baseUrl: serverProviders().slackApiUrl, auth: { type: 'slack' } });
  await dialog.connectThroughPopup(dialog.connectButton, 'Cancel');
  await expect(dialog.root.getByRole('alert')).toContainText('access_denied');
  await expect(dialog.root).toContainText('Not connected yet.');
  await expect(dialog.connectButton).toBeEnabled();
});

test('says so when the browser blocks the Connect popup', async ({ page, endpointsPage }) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  const name = uniqueName('Blocked Graph');
  await endpointsPage.goto();
  const dialog = await endpointsPage.addEndpoint();
  await dialog.fill({ name, baseUrl: serverProviders().graphUrl, auth: { type: 'msgraph' } });
  await dialog.connectButton.click();
  await dialog.answerSaveFirst('Save and connect');
  await expect(dialog.root.getByRole('alert')).toHaveText('The browser blocked the pop-up; allow pop-ups for this site and try again');
  await expect(dialog.connectButton).toBeEnabled();
  await expect(dialog.root).toContainText('Not connected yet.');
});
