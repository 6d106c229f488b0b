import { mockCredentials } from '../mocks/providers/start-mock-providers';
import { expect, test } from '../fixtures';
import type { EndpointDialog } from '../pages/EndpointDialog';
import type { TestAuth } from '../support/flowyard-api';
import { serverProviders } from '../support/server-providers';
import { uniqueName } from '../support/unique-name';

// Test Authentication for every type that has it: wrong credentials show the target's status and
// error body; after Replace with the right password it succeeds.

async function testAuthentication(dialog: EndpointDialog): Promise<void> {
  await dialog.testAuthentication();
}

async function replacePassword(dialog: EndpointDialog, password: string): Promise<void> {
  await expect(dialog.storedSecret('Password')).toContainText('set');
  await dialog.replaceSecret('Password');
  await dialog.passwordField.fill(password);
}

test('OAuth2 (password grant): wrong password shows the token endpoint status and body, then succeeds', async ({
  endpointsPage,
  providers,
}) => {
  const name = uniqueName('OAuth2 API');
  const account = mockCredentials.oauth2;
  await endpointsPage.goto();
  const dialog = await endpointsPage.addEndpoint();
  const auth: TestAuth = { type: 'oauth2', tokenUrl: providers.oauth2.tokenUrl, ...account, password: 'not-the-password' };
  await dialog.fill({ name, baseUrl: providers.oauth2.apiUrl, auth });
  await expect(dialog.testAuthenticationButton).toBeVisible();

  // The endpoint is new: Test Authentication saves it first and the dialog stays open, now editing it.
  await testAuthentication(dialog);
  await dialog.expectOpen('Edit Endpoint');
  const result = dialog.testAuthenticationResult;
  await expect(result).toHaveRole('alert');
  await expect(result).toContainText('AUTH_FAILED');
  await expect(result).toContainText('HTTP status 400');
  await expect(result.getByLabel('Error body')).toContainText('invalid_grant');
  await expect(result.getByLabel('Error body')).toContainText('authentication failure');
  expect(providers.count('oauth2', '/oauth/token')).toBeGreaterThanOrEqual(1);
  const tokenRequest = providers.requests.find((r) => r.provider === 'oauth2' && r.path === '/oauth/token');
  expect(tokenRequest?.form.get('username')).toBe(account.username);
  expect(tokenRequest?.form.get('password')).toBe('not-the-password');

  // Secrets are write-only: both show "set" after the save.
  await expect(dialog.storedSecret('Client secret')).toContainText('set');
  await replacePassword(dialog, account.password);
  await testAuthentication(dialog);
  await expect(result).toHaveRole('status');
  await expect(result).not.toContainText('AUTH_FAILED');
  await expect(dialog.storedSecret('Password')).toContainText('set');
  await expect(dialog.root).not.toContainText(account.password);
  await expect(dialog.root).not.toContainText(account.clientSecret);

  await dialog.close();
  await expect(endpointsPage.item(name)).toContainText('OAuth2 (password grant)');
});

test('OAuth2 (password grant): a wrong client secret is refused with 401 invalid_client', async ({ endpointsPage, providers }) => {
  await endpointsPage.goto();
  const dialog = await endpointsPage.addEndpoint();
  await dialog.fill({
    name: uniqueName('OAuth2 bad client'),
    baseUrl: providers.oauth2.apiUrl,
    auth: { type: 'oauth2', tokenUrl: providers.oauth2.tokenUrl, ...mockCredentials.oauth2, clientSecret: 'wrong-secret' },
  });
  await testAuthentication(dialog);
  await expect(dialog.testAuthenticationResult).toContainText('HTTP status 401');
  await expect(dialog.testAuthenticationResult.getByLabel('Error body')).toContainText('invalid_client');
});

test('OAuth2: a missing field is shown under it and nothing is saved or sent', async ({ endpointsPage, providers }) => {
  const name = uniqueName('OAuth2 incomplete');
  await endpointsPage.goto();
  const dialog = await endpointsPage.addEndpoint();
  await dialog.fill({ name, baseUrl: providers.oauth2.apiUrl, auth: { type: 'oauth2', tokenUrl: 'ftp://nope', ...mockCredentials.oauth2 } });
  await dialog.clientIdField.fill('');
  await dialog.testAuthenticationButton.click();
  await dialog.expectFieldError(dialog.clientIdField, 'Client ID is required');
  await dialog.expectFieldError(dialog.tokenUrlField, /http:\/\/ or https:\/\//);
  await dialog.expectOpen('New Endpoint');
  expect(providers.requests).toHaveLength(0);
  await dialog.close();
  await expect(endpointsPage.item(name)).toHaveCount(0);
});

test('Salesforce: the empty token URL uses the server login URL; wrong then right password', async ({ endpointsPage }) => {
  const account = mockCredentials.salesforce;
  await endpointsPage.goto();
  const dialog = await endpointsPage.addEndpoint();
  await dialog.fill({
    name: uniqueName('Salesforce'),
    baseUrl: 'https://example.my.salesforce.com',
    auth: { type: 'salesforce', tokenUrl: '', ...account, password: 'wrong' },
  });
  // The placeholder is the server's setting: here the mock login.
  await expect(dialog.tokenUrlField).toHaveAttribute('placeholder', `${serverProviders().url}/salesforce`);
  await testAuthentication(dialog);
  await expect(dialog.testAuthenticationResult).toContainText('HTTP status 400');
  await expect(dialog.testAuthenticationResult.getByLabel('Error body')).toContainText('invalid_grant');

  await replacePassword(dialog, account.password);
  await testAuthentication(dialog);
  await expect(dialog.testAuthenticationResult).toHaveRole('status');
});

for (const type of ['remedy', 'servicenow'] as const) {
  test(`${type === 'remedy' ? 'BMC Remedy token' : 'ServiceNow'}: wrong password shows the target's answer, then succeeds`, async ({
    endpointsPage,
    providers,
  }) => {
    const account = mockCredentials[type];
    await endpointsPage.goto();
    const dialog = await endpointsPage.addEndpoint();
    await dialog.fill({ name: uniqueName(type), baseUrl: providers[type].baseUrl, auth: { type, username: account.username, password: 'wrong' } });
    await testAuthentication(dialog);
    const result = dialog.testAuthenticationResult;
    await expect(result).toHaveRole('alert');
    await expect(result).toContainText('HTTP status 401');
    await expect(result.getByLabel('Error body')).not.toBeEmpty();

    await replacePassword(dialog, account.password);
    await testAuthentication(dialog);
    await expect(result).toHaveRole('status');
    expect(providers.requests.some((r) => r.provider === type)).toBe(true);
  });
}
