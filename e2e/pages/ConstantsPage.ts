import { expect, type Locator, type Page } from '@playwright/test';

/** Integration Builder → Constants: the list (New Constant, Delete) and the constant dialog. */
export class ConstantsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly newButton: Locator;
  readonly dialog: Locator;
  readonly deleteAlert: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Constants', exact: true, level: 1 });
    this.list = page.getByRole('list', { name: 'Constants', exact: true });
    this.newButton = page.getByRole('button', { name: 'New Constant', exact: true });
    this.dialog = page.getByRole('dialog');
    this.deleteAlert = page.getByRole('alertdialog', { name: 'Delete Constant' });
  }

  /** The way a person gets there: Main nav → Integration Builder → Edit Constants. */
  async openFromNavigation(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integration Builder' }).click();
    await this.page.getByRole('button', { name: 'Edit Constants', exact: true }).click();
    await expect(this.page).toHaveURL(/\/integration-builder\/constants$/);
    await expect(this.heading).toBeVisible();
  }

  async goto(): Promise<void> {
    await this.page.goto('/integration-builder/constants');
    await expect(this.heading).toBeVisible();
  }

  /** The list item of the constant named exactly `name`. */
  item(name: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  /** New Constant: fills Name and Value and saves; the dialog closes. */
  async create(name: string, value: string): Promise<void> {
    await this.newButton.click();
    await expect(this.dialog).toHaveAccessibleName('New Constant');
    await this.nameField.fill(name);
    await this.valueField.fill(value);
    await this.dialog.getByRole('button', { name: 'Save Changes', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Opens the Edit Constant dialog of `name`. */
  async open(name: string): Promise<void> {
    await this.item(name).getByRole('button', { name, exact: true }).click();
    await expect(this.dialog).toHaveAccessibleName('Edit Constant');
  }

  get nameField(): Locator {
    return this.dialog.getByLabel('Name', { exact: true });
  }

  get valueField(): Locator {
    return this.dialog.getByLabel('Value', { exact: true });
  }

  /** A link in the open dialog's Usage list (a custom step or a library that reads the constant). */
  usageLink(name: string): Locator {
    return this.dialog.getByRole('list', { name: 'Constant usage' }).getByRole('link', { name, exact: true });
  }

  /** Clicks the X beside the constant; the Delete Constant alert opens. */
  async requestDelete(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Delete constant ${name}`, exact: true }).click();
    await expect(this.deleteAlert).toBeVisible();
    return this.deleteAlert;
  }
}
