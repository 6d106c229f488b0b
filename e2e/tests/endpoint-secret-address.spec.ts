import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

// SPEC §7a: a secret is bound to the origins it is sent to. 127.0.0.2 stands for another host.
const basicAuth = { type: 'basic' as const, username: 'svc', password: 'bound-pw', preemptive: true };

test('moving an endpoint to another address asks for its password again before Save; a path change does not', async ({ api, endpointsPage, target }) => {
  const name = uniqueName('Bound secret');
  await api.createEndpoint({ name, baseUrl: `${target.baseUrl}/api`, auth: basicAuth });
  const elsewhere = target.baseUrl.replace('127.0.0.1', '127.0.0.2');
  expect(elsewhere).not.toBe(target.baseUrl);

  await endpointsPage.goto();
  const dialog = await endpointsPage.open(name);
  await expect(dialog.storedSecret('Password')).toBeVisible();

  // Another origin: the password is asked for at once, before anything is saved.
  await dialog.baseUrlField.fill(`${elsewhere}/api`);
  await dialog.expectSecretRequired('Password');
  await dialog.save();
  await dialog.expectFieldError(dialog.passwordField, /^Re-enter the password to send it to the new address/);
  await expect(dialog.root).toBeVisible();

  // Back at the same origin with another path: the stored password is kept again, and saving works.
  await dialog.baseUrlField.fill(`${target.baseUrl}/v2`);
  await expect(dialog.storedSecret('Password')).toBeVisible();
  await dialog.saveAndClose();
  await expect(endpointsPage.item(name)).toContainText(`${target.baseUrl}/v2`);

  // Entered again, the password may go to the new address.
  const again = await endpointsPage.open(name);
  await again.baseUrlField.fill(`${elsewhere}/api`);
  await again.expectSecretRequired('Password');
  await again.passwordField.fill('bound-pw');
  await again.saveAndClose();
  await expect(endpointsPage.item(name)).toContainText(`${elsewhere}/api`);
});

test("the API's refusal shows on the stored password when the address changed meanwhile", async ({ api, endpointsPage, target }) => {
  const name = uniqueName('Moved meanwhile');
  const created = await api.createEndpoint({ name, baseUrl: `${target.baseUrl}/api`, auth: basicAuth });
  await endpointsPage.goto();
  const dialog = await endpointsPage.open(name);

  // Someone else moves it (with the password) while this dialog still shows the old address.
  const elsewhere = target.baseUrl.replace('127.0.0.1', '127.0.0.2');
  await api.updateEndpoint(created.id, { name, baseUrl: `${elsewhere}/api`, auth: basicAuth });

  // A path change at the old address is, for the API, a move away from the new one.
  await dialog.baseUrlField.fill(`${target.baseUrl}/v2`);
  await dialog.save();
  await dialog.expectStoredSecretError('Password', 'Re-enter the password to send it to the new address');
  await expect(dialog.root).toBeVisible();
});
