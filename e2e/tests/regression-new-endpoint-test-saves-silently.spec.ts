import { mockCredentials } from '../mocks/providers/start-mock-providers';
import { expect, test } from '../fixtures';
import { serverProviders } from '../support/server-providers';
import { uniqueName } from '../support/unique-name';

// Regression: Test Authentication, Connect and Send on a new endpoint saved it without a word and
// locked its authentication type; closing the dialog dropped unsaved edits without asking.

test('Test Authentication on a new endpoint asks "Save and test?" saying the type then locks', async ({ endpointsPage, providers }) => {
  const name = uniqueName('Unsaved OAuth2');
  await endpointsPage.goto();
  const dialog = await endpointsPage.addEndpoint();
  await dialog.fill({ name, baseUrl: providers.oauth2.apiUrl, auth: { type: 'oauth2', tokenUrl: providers.oauth2.tokenUrl, ...mockCredentials.oauth2 } });

  await dialog.testAuthenticationButton.click();
  await expect(dialog.saveFirstQuestion).toContainText('OAuth2 (password grant)');
  await expect(dialog.saveFirstQuestion).toContainText('can no longer be changed');
  await dialog.answerSaveFirst('Cancel');
  // Nothing was saved or sent: still a new endpoint whose type can be chosen.
  await dialog.expectOpen('New Endpoint');
  await expect(dialog.authenticationField).toBeEditable();
  expect(providers.requests).toHaveLength(0);

  await dialog.testAuthenticationButton.click();
  await dialog.answerSaveFirst('Save and test');
  await dialog.expectOpen('Edit Endpoint');
  await expect(dialog.testAuthenticationResult).toHaveRole('status', { timeout: 20_000 });
  await expect(dialog.authenticationField).not.toBeEditable();
  await dialog.close();
  await expect(endpointsPage.item(name)).toBeVisible();
});

test('Connect on a new endpoint asks "Save and connect?"; Cancel opens no popup and saves nothing', async ({ page, endpointsPage }) => {
  const name = uniqueName('Unsaved Slack');
  await endpointsPage.goto();
  const dialog = await endpointsPage.addEndpoint();
  await dialog.fill({ name, baseUrl: serverProviders().slackApiUrl, auth: { type: 'slack' } });
  let popups = 0;
  page.on('popup', () => popups++);
  await dialog.connectButton.click();
  await expect(dialog.saveFirstQuestion).toContainText('Slack');
  await dialog.answerSaveFirst('Cancel');
  await dialog.expectOpen('New Endpoint');
  expect(popups).toBe(0);
  await dialog.root.getByRole('button', { name: 'Close', exact: true }).first().click();
  await dialog.discardQuestion.getByRole('button', { name: 'Discard changes', exact: true }).click();
  await expect(dialog.root).toBeHidden();
  await expect(endpointsPage.item(name)).toHaveCount(0);
});

test('closing an endpoint dialog with unsaved edits asks first; Keep editing keeps them', async ({ page, api, endpointsPage, target }) => {
  const endpoint = await api.createEndpoint({ name: uniqueName('Edited API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  await endpointsPage.goto();
  const dialog = await endpointsPage.open(endpoint.name);
  await dialog.baseUrlField.fill(`${target.baseUrl}/v2`);

  await dialog.root.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(dialog.discardQuestion).toBeVisible();
  await dialog.discardQuestion.getByRole('button', { name: 'Keep editing', exact: true }).click();
  await expect(dialog.baseUrlField).toHaveValue(`${target.baseUrl}/v2`);

  await page.keyboard.press('Escape');
  await expect(dialog.discardQuestion).toBeVisible();
  await dialog.discardQuestion.getByRole('button', { name: 'Discard changes', exact: true }).click();
  await expect(dialog.root).toBeHidden();

  // An untouched dialog closes without asking, and the edit was not saved.
  const again = await endpointsPage.open(endpoint.name);
  await expect(again.baseUrlField).toHaveValue(target.baseUrl);
  await again.close();
});
