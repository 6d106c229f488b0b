import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

test('creates an endpoint from the Integration Builder, rejecting a bad base URL first', async ({ endpointsPage, target }) => {
  const name = uniqueName('Orders API');

  await endpointsPage.openFromNavigation();
  const dialog = await endpointsPage.addEndpoint();

  await dialog.fill({ name, baseUrl: 'ftp://x', auth: { type: 'basic', username: 'svc-orders', password: 's3cret-pw', preemptive: true } });
  await dialog.save();
  await dialog.expectFieldError(dialog.baseUrlField, /http:\/\/ or https:\/\//);
  await expect(dialog.root).toBeVisible();
  await expect(endpointsPage.item(name)).toHaveCount(0);

  await dialog.baseUrlField.fill('not a url');
  await dialog.save();
  await dialog.expectFieldError(dialog.baseUrlField, /absolute URL/);

  await dialog.baseUrlField.fill(`${target.baseUrl}/api/`);
  await dialog.saveAndClose();

  const item = endpointsPage.item(name);
  await expect(item).toBeVisible();
  // The trailing slash is normalised away (SPEC §2).
  await expect(item).toContainText(`${target.baseUrl}/api`);
  await expect(item).not.toContainText(`${target.baseUrl}/api/`);
  await expect(item).toContainText('Basic');

  // Reopened, it is an existing endpoint: auth type locked, password write-only.
  const edit = await endpointsPage.open(name);
  await expect(edit.nameField).toHaveValue(name);
  await expect(edit.authenticationField).not.toBeEditable();
  await expect(edit.usernameField).toHaveValue('svc-orders');
  const fieldValues = await edit.root.locator('input, textarea').evaluateAll((els) =>
    els.map((el) => (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : '')),
  );
  expect(fieldValues).not.toContain('s3cret-pw');
  await expect(edit.root).toContainText(/\bset\b/);
  await expect(edit.root.getByRole('button', { name: 'Replace' })).toBeVisible();
  await expect(edit.usageTab).toHaveCount(0);
  await edit.close();
});
