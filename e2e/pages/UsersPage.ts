import { expect, type Locator, type Page } from '@playwright/test';
import { selectOptionByLabel } from './select-option';

export type RoleLabel = 'Admin' | 'Developer' | 'REST Web Service User' | 'Standard User';

/** `/users` (admins) and a user's page `/users/:id` with their API keys. */
export class UsersPage {
  readonly table: Locator;
  readonly newUserDialog: Locator;
  readonly apiKeys: Locator;
  readonly createKeyDialog: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Users' });
    this.newUserDialog = page.getByRole('dialog', { name: 'New User' });
    this.apiKeys = page.getByRole('list', { name: 'API keys' });
    this.createKeyDialog = page.getByRole('dialog', { name: /Create API key|API key created/ });
  }

  async goto(): Promise<void> {
    await this.page.goto('/users');
    await expect(this.page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  }

  /** The table row of the user called `name`. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  /** New User → fills the dialog → Create User; ends on the new user's page. */
  async createUser(user: { name: string; email: string; role: RoleLabel; password: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'New User' }).click();
    await expect(this.newUserDialog).toBeVisible();
    await this.newUserDialog.getByLabel('Name', { exact: true }).fill(user.name);
    await this.newUserDialog.getByLabel('Email', { exact: true }).fill(user.email);
    await selectOptionByLabel(this.newUserDialog.getByLabel('Role', { exact: true }), user.role);
    await this.newUserDialog.getByLabel('Password', { exact: true }).fill(user.password);
    await this.newUserDialog.getByRole('button', { name: 'Create User' }).click();
    await expect(this.newUserDialog).toBeHidden();
    await expect(this.page.getByRole('heading', { name: user.name, level: 1 })).toBeVisible();
  }

  /** On a user's page: Create API key → name → Create; returns the key the dialog shows once, and closes it. */
  async createApiKey(name: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Create API key' }).click();
    await expect(this.createKeyDialog).toBeVisible();
    await this.createKeyDialog.getByLabel('Key name').fill(name);
    await this.createKeyDialog.getByRole('button', { name: 'Create', exact: true }).click();
    const shown = this.page.getByRole('dialog', { name: 'API key created' });
    const field = shown.getByLabel('API key', { exact: true });
    await expect(field).toHaveValue(/^fy_/);
    const key = await field.inputValue();
    await shown.getByRole('button', { name: 'Done' }).click();
    await expect(shown).toBeHidden();
    return key;
  }

  /** The API key list's item for the key called `name`. */
  apiKey(name: string): Locator {
    return this.apiKeys.getByRole('listitem').filter({ hasText: name });
  }
}
