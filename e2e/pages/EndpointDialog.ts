import { expect, type Locator, type Page } from '@playwright/test';
import type { TestAuth } from '../support/flowyard-api';
import { selectOptionByLabel } from './select-option';

export interface EndpointForm {
  name: string;
  baseUrl: string;
  auth: TestAuth;
}

/** The one endpoint dialog (New Endpoint / Edit Endpoint), wherever it was opened from. */
export class EndpointDialog {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole('dialog', { name: /^(New|Edit) Endpoint$/ });
  }

  get nameField(): Locator {
    return this.root.getByLabel('Name', { exact: true });
  }

  get baseUrlField(): Locator {
    return this.root.getByLabel('Base URL', { exact: true });
  }

  get trustSelfSignedField(): Locator {
    return this.root.getByLabel('Trust self-signed certificates');
  }

  get authenticationField(): Locator {
    return this.root.getByLabel('Authentication', { exact: true });
  }

  get usernameField(): Locator {
    return this.root.getByLabel('Username', { exact: true });
  }

  get passwordField(): Locator {
    return this.root.getByLabel('Password', { exact: true });
  }

  get preemptiveField(): Locator {
    return this.root.getByLabel('Preemptive');
  }

  get saveButton(): Locator {
    return this.root.getByRole('button', { name: 'Save Changes' });
  }

  get settingsTab(): Locator {
    return this.root.getByRole('tab', { name: 'Settings' });
  }

  get usageTab(): Locator {
    return this.root.getByRole('tab', { name: 'Usage' });
  }

  async expectOpen(title: 'New Endpoint' | 'Edit Endpoint'): Promise<void> {
    await expect(this.page.getByRole('dialog', { name: title })).toBeVisible();
  }

  /** Fills every field of `form`; the auth type is only chosen when the dialog lets it be. */
  async fill(form: EndpointForm): Promise<void> {
    await this.nameField.fill(form.name);
    await this.baseUrlField.fill(form.baseUrl);
    if (await this.authenticationField.isEditable()) {
      await selectOptionByLabel(this.authenticationField, form.auth.type === 'basic' ? 'Basic' : 'No Authorization');
    }
    if (form.auth.type === 'basic') {
      await this.usernameField.fill(form.auth.username);
      await this.passwordField.fill(form.auth.password);
      await this.preemptiveField.setChecked(form.auth.preemptive);
    }
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  /** Saves and waits for the dialog to close, i.e. the API accepted the endpoint. */
  async saveAndClose(): Promise<void> {
    await this.save();
    await expect(this.root).toBeHidden();
  }

  /** The field shows `message` under it: aria-invalid and linked through aria-describedby. */
  async expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
  }

  async openUsage(): Promise<void> {
    await this.usageTab.click();
    await expect(this.usageTab).toHaveAttribute('aria-selected', 'true');
  }

  /** The Usage tab's link "<flow> › <step>". */
  usageLink(flowName: string, stepName: string): Locator {
    return this.root.getByRole('link', { name: `${flowName} › ${stepName}` });
  }

  async close(): Promise<void> {
    // A dialog may also carry an icon-only "Close" (X); either one closes it.
    await this.root.getByRole('button', { name: 'Close', exact: true }).first().click();
    await expect(this.root).toBeHidden();
  }
}
