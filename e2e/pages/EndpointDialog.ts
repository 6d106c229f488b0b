import { expect, type Locator, type Page } from '@playwright/test';
import type { TestAuth } from '../support/flowyard-api';
import { selectOptionByLabel } from './select-option';

export interface EndpointForm {
  name: string;
  baseUrl: string;
  auth: TestAuth;
}

/** The Authentication select's labels (authTypeLabels in the engine). */
export const authTypeLabels: Record<TestAuth['type'], string> = {
  none: 'No Authorization',
  basic: 'Basic',
  oauth2: 'OAuth2 (password grant)',
  salesforce: 'OAuth2 (Salesforce)',
  slack: 'Slack',
  msgraph: 'Microsoft Graph API',
  remedy: 'BMC Remedy token',
  servicenow: 'ServiceNow',
};

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

  get tokenUrlField(): Locator {
    return this.root.getByLabel('Access token URL', { exact: true });
  }

  get clientIdField(): Locator {
    return this.root.getByLabel('Client ID', { exact: true });
  }

  get clientSecretField(): Locator {
    return this.root.getByLabel('Client secret', { exact: true });
  }

  /** A stored write-only secret: the group named after the field, holding "set" and Replace. */
  storedSecret(label: 'Password' | 'Client secret'): Locator {
    return this.root.getByRole('group', { name: label, exact: true });
  }

  /**
   * SPEC §7a: the edit moved this secret to another address, so its input shows and is required
   * (before anything is saved), with the reason under it.
   */
  async expectSecretRequired(label: 'Password' | 'Client secret'): Promise<void> {
    const input = this.secretInput(label);
    await expect(input).toBeVisible();
    await expect(input).toHaveAttribute('required', '');
    await expect(input).toHaveAccessibleDescription(/enter it to send it to the new address/);
  }

  /** The input of a secret being entered (new, replaced, or asked for again). */
  secretInput(label: 'Password' | 'Client secret'): Locator {
    return label === 'Password' ? this.passwordField : this.clientSecretField;
  }

  /** A stored secret shows `message` under it (e.g. the API refused to send it to a new address). */
  async expectStoredSecretError(label: 'Password' | 'Client secret', message: string | RegExp): Promise<void> {
    await expect(this.storedSecret(label)).toHaveAccessibleDescription(message);
  }

  /** Replace on a stored secret, which brings back its input. */
  async replaceSecret(label: 'Password' | 'Client secret'): Promise<void> {
    await this.storedSecret(label).getByRole('button', { name: /^Replace/ }).click();
  }

  get connectButton(): Locator {
    return this.root.getByRole('button', { name: 'Connect', exact: true });
  }

  get reconnectButton(): Locator {
    return this.root.getByRole('button', { name: 'Reconnect', exact: true });
  }

  /**
   * Clicks Connect (or `button`, e.g. Reconnect), answers the provider's page in the popup with
   * `answer`, and waits for the callback page to close the popup.
   */
  async connectThroughPopup(button: Locator = this.connectButton, answer: 'Allow' | 'Cancel' = 'Allow'): Promise<void> {
    const popupPromise = this.page.waitForEvent('popup');
    await button.click();
    // A new endpoint asks "Save and connect?" first; the popup opens once that is answered.
    const asked = this.saveFirstQuestion.waitFor().then(() => 'asked' as const);
    if ((await Promise.race([popupPromise.then(() => 'popup' as const), asked])) === 'asked') await this.answerSaveFirst('Save and connect');
    const popup = await popupPromise;
    const closed = popup.waitForEvent('close', { timeout: 20_000 });
    await popup.getByRole('button', { name: answer }).click();
    await closed;
  }

  /** "Save and test?" / "Save and connect?": a new endpoint is saved before a test or Connect, which fixes its type. */
  get saveFirstQuestion(): Locator {
    return this.page.getByRole('alertdialog', { name: /^Save and (test|connect)\?$/ });
  }

  async answerSaveFirst(answer: 'Save and test' | 'Save and connect' | 'Cancel'): Promise<void> {
    await this.saveFirstQuestion.getByRole('button', { name: answer, exact: true }).click();
    await expect(this.saveFirstQuestion).toBeHidden();
  }

  /** Clicks Test Authentication, agrees to "Save and test?" if asked, and waits for the outcome. */
  async testAuthentication(): Promise<void> {
    await this.testAuthenticationButton.click();
    const done = this.testAuthenticationButton.and(this.page.locator(':enabled'));
    await expect(this.saveFirstQuestion.or(this.testAuthenticationResult).or(this.root.locator('[aria-invalid="true"]')).first()).toBeVisible({ timeout: 20_000 });
    if (await this.saveFirstQuestion.isVisible()) await this.answerSaveFirst('Save and test');
    await expect(done).toBeVisible({ timeout: 20_000 });
  }

  /** The question asked when a dialog with unsaved edits is closed. */
  get discardQuestion(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
  }

  get testAuthenticationButton(): Locator {
    return this.root.getByRole('button', { name: 'Test Authentication', exact: true });
  }

  /** Success (status) or failure (alert) of the last Test Authentication. */
  get testAuthenticationResult(): Locator {
    return this.root.getByLabel('Test Authentication result');
  }

  get testTab(): Locator {
    return this.root.getByRole('tab', { name: 'Test', exact: true });
  }

  get testMethodField(): Locator {
    return this.root.getByLabel('Method', { exact: true });
  }

  get testPathField(): Locator {
    return this.root.getByLabel('Path', { exact: true });
  }

  get testBodyField(): Locator {
    return this.root.getByLabel('Body', { exact: true });
  }

  get sendButton(): Locator {
    return this.root.getByRole('button', { name: 'Send', exact: true });
  }

  /** The Test request's final response (status and body). */
  get testResponse(): Locator {
    return this.root.getByRole('region', { name: 'Test response' });
  }

  /** Every exchange the Test request caused, each as the Activity panel shows it. */
  get testExchanges(): Locator {
    return this.root.getByRole('region', { name: 'Exchanges' });
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
      await selectOptionByLabel(this.authenticationField, authTypeLabels[form.auth.type]);
    }
    const auth = form.auth;
    switch (auth.type) {
      case 'none':
      case 'slack':
      case 'msgraph':
        break;
      case 'basic':
        await this.usernameField.fill(auth.username);
        await this.passwordField.fill(auth.password);
        await this.preemptiveField.setChecked(auth.preemptive);
        break;
      case 'oauth2':
      case 'salesforce':
        await this.tokenUrlField.fill(auth.tokenUrl);
        await this.usernameField.fill(auth.username);
        await this.passwordField.fill(auth.password);
        await this.clientIdField.fill(auth.clientId);
        await this.clientSecretField.fill(auth.clientSecret);
        break;
      case 'remedy':
      case 'servicenow':
        await this.usernameField.fill(auth.username);
        await this.passwordField.fill(auth.password);
        break;
    }
  }

  /** The `index`-th exchange of the last Test request (token requests come before the request itself). */
  testExchange(index: number): Locator {
    return this.testExchanges.getByRole('article').nth(index);
  }

  /** The value shown for header `name` in an exchange's request or response headers. */
  exchangeHeader(exchange: Locator, which: 'Request headers' | 'Response headers', name: string): Locator {
    return exchange
      .getByLabel(which, { exact: true })
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${name}$`, 'i') })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** Test tab → Test request: sends `method path` and waits for the outcome to show. */
  async sendTestRequest(method: string, path: string): Promise<void> {
    await this.testTab.click();
    await expect(this.testTab).toHaveAttribute('aria-selected', 'true');
    await selectOptionByLabel(this.testMethodField, method);
    await this.testPathField.fill(path);
    await this.sendButton.click();
    await expect(this.testExchanges).toBeVisible({ timeout: 20_000 });
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
