import { expect, test } from '../fixtures';
import { SignInPage } from '../pages/SignInPage';
import { UsersPage } from '../pages/UsersPage';
import { HookCaller, triggerFindUserGraph } from '../support/hook-caller';
import { uniqueName } from '../support/unique-name';

test('an admin creates a user, changes the role, disables and enables them', async ({ page, browser, baseURL }) => {
  const marker = uniqueName('dev').replace(' ', '-').toLowerCase();
  const name = `Dev ${marker}`;
  const email = `dev-${marker}@example.test`;
  const password = 'dev-password-1';
  const users = new UsersPage(page);
  await users.goto();
  await users.createUser({ name, email, role: 'Developer', password });

  await users.goto();
  const row = users.row(name);
  await expect(row).toContainText(email);
  await expect(row).toContainText('Active');
  const role = row.getByLabel(`Role of ${name}`);
  await expect(role).toHaveValue('developer');
  await role.selectOption({ label: 'Standard User' });
  await expect(role).toHaveValue('standard');
  await page.reload();
  await expect(users.row(name).getByLabel(`Role of ${name}`)).toHaveValue('standard');

  await users.row(name).getByRole('button', { name: 'Disable' }).click();
  await expect(users.row(name)).toContainText('Disabled');

  // A disabled user cannot sign in.
  const other = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const otherPage = await other.newPage();
    const signIn = new SignInPage(otherPage);
    await signIn.goto();
    await signIn.signIn(email, password);
    await expect(signIn.error).toBeVisible();
    await expect(signIn.submit).toBeVisible();

    await users.row(name).getByRole('button', { name: 'Enable' }).click();
    await expect(users.row(name)).toContainText('Active');
    await signIn.signIn(email, password);
    await signIn.expectSignedIn();
  } finally {
    await other.close();
  }
});

test('an API key is shown once, listed by its prefix, and refused once revoked', async ({ page, api, playwright, baseURL }) => {
  const marker = uniqueName('svc').replace(' ', '-').toLowerCase();
  const user = await api.createUser({ name: `Service ${marker}`, email: `svc-${marker}@example.test`, role: 'rest', password: 'service-pass-1' });
  const flow = await api.createFlowWithGraph(uniqueName('Keyed flow'), triggerFindUserGraph());
  const url = `${baseURL}/hooks/${flow.id}/hook`;

  const users = new UsersPage(page);
  await page.goto(`/users/${user.id}`);
  await expect(page.getByRole('heading', { name: user.name, level: 1 })).toBeVisible();
  const key = await users.createApiKey('nightly import');
  await expect(users.apiKey('nightly import')).toContainText(key.slice(0, 7));
  await expect(users.apiKey('nightly import')).toContainText('Never used');
  await expect(page.locator('body')).not.toContainText(key);

  const caller = await HookCaller.start(playwright);
  try {
    expect((await caller.post(url, key, { search: marker })).status()).toBe(202);
    await page.reload();
    await expect(users.apiKey('nightly import')).toContainText('Last used');

    await users.apiKey('nightly import').getByRole('button', { name: /Revoke/ }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Revoke API key' });
    await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(users.apiKey('nightly import').getByRole('button', { name: /Revoke/ })).toHaveCount(0);

    expect((await caller.post(url, key, { search: marker })).status()).toBe(401);
  } finally {
    await caller.close();
  }
});
