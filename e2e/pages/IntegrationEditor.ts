import { expect, type Locator, type Page } from '@playwright/test';
import { IntegrationLog } from './IntegrationLog';
import { selectOptionByLabel } from './select-option';

export type OutboundEventName = 'Run succeeded' | 'Run failed' | 'Run interrupted' | 'Step failed';

/**
 * The integration editor (`/integration-builder/integrations/new/<kind>`, `/…/integrations/:id`):
 * cards Details, Authentication (inbound) or Trigger (outbound), Inbound URL, Script (CodeMirror
 * beside "Available objects") and Test script; Save Changes.
 */
export class IntegrationEditor {
  readonly details: Locator;
  readonly authentication: Locator;
  readonly trigger: Locator;
  readonly inboundUrlCard: Locator;
  readonly scriptCard: Locator;
  readonly testCard: Locator;
  readonly availableObjects: Locator;
  readonly tokenDialog: Locator;

  constructor(private readonly page: Page) {
    this.details = page.getByRole('region', { name: 'Details', exact: true });
    this.authentication = page.getByRole('region', { name: 'Authentication', exact: true });
    this.trigger = page.getByRole('region', { name: 'Trigger', exact: true });
    this.inboundUrlCard = page.getByRole('region', { name: 'Inbound URL', exact: true });
    this.scriptCard = page.getByRole('region', { name: 'Script', exact: true });
    this.testCard = page.getByRole('region', { name: 'Test script', exact: true });
    this.availableObjects = page.getByRole('region', { name: 'Available objects', exact: true });
    this.tokenDialog = page.getByRole('dialog', { name: 'Integration URL', exact: true });
  }

  title(name: string): Locator {
    return this.page.getByRole('heading', { name, exact: true, level: 1 });
  }

  async expectLoaded(title: string): Promise<void> {
    await expect(this.title(title)).toBeVisible();
    await expect(this.details).toBeVisible();
  }

  get nameField(): Locator {
    return this.details.getByLabel('Name', { exact: true });
  }

  get enabledField(): Locator {
    return this.details.getByLabel('Enabled', { exact: true });
  }

  /** Inbound: "User’s API key" or "URL authentication". */
  async chooseAuthentication(method: 'apiKey' | 'url'): Promise<void> {
    await this.authentication.getByRole('radio', { name: method === 'apiKey' ? 'User’s API key' : 'URL authentication', exact: true }).check();
  }

  get actingUserField(): Locator {
    return this.authentication.getByLabel('Acting user', { exact: true });
  }

  eventCheckbox(event: OutboundEventName): Locator {
    return this.trigger.getByRole('checkbox', { name: event, exact: true });
  }

  /** Outbound: ticks exactly these events. */
  async chooseEvents(events: readonly OutboundEventName[]): Promise<void> {
    for (const event of ['Run succeeded', 'Run failed', 'Run interrupted', 'Step failed'] as const) {
      await this.eventCheckbox(event).setChecked(events.includes(event));
    }
  }

  /** Outbound: "Any flow" or a flow by name. */
  async chooseFlow(label: string): Promise<void> {
    await selectOptionByLabel(this.trigger.getByLabel('Flow', { exact: true }), label);
  }

  get rateLimitField(): Locator {
    return this.trigger.getByLabel('Rate limit (calls per minute)', { exact: true });
  }

  /** The CodeMirror editing area (contenteditable, accessible name "Script"). */
  get scriptEditor(): Locator {
    return this.scriptCard.getByRole('textbox', { name: 'Script', exact: true });
  }

  /** Replaces the whole script as one insertion (as a paste would), so bracket closing does not alter it. */
  async setScript(source: string): Promise<void> {
    await expect(this.scriptEditor).toBeVisible({ timeout: 20_000 });
    await this.scriptEditor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(source);
    await this.page.keyboard.press('Escape');
  }

  async scriptText(): Promise<string> {
    return this.scriptEditor.evaluate((el) => Array.from(el.querySelectorAll('.cm-line'), (line) => line.textContent ?? '').join('\n'));
  }

  availableItem(code: string): Locator {
    return this.availableObjects.getByRole('button', { name: code, exact: true });
  }

  completionOption(label: string): Locator {
    return this.page
      .getByRole('listbox')
      .getByRole('option')
      .filter({ has: this.page.locator('.cm-completionLabel').getByText(label, { exact: true }) });
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save Changes', exact: true });
  }

  get savedState(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Saved$/ });
  }

  get unsavedState(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Unsaved changes$/ });
  }

  /**
   * Save Changes on a new integration: with URL authentication the "Integration URL" dialog shows
   * the URL once (returned, after Done); then the editor moves to the integration's own address.
   */
  async saveNew(name: string, expectToken: boolean): Promise<{ id: string; tokenUrl: string | null }> {
    await this.saveButton.click();
    let tokenUrl: string | null = null;
    if (expectToken) tokenUrl = await this.takeTokenUrl();
    await expect(this.page).toHaveURL(/\/integration-builder\/integrations\/(?!new\b)[^/?#]+$/);
    await expect(this.title(name)).toBeVisible();
    await expect(this.savedState).toBeVisible();
    const id = new URL(this.page.url()).pathname.split('/').pop();
    if (!id) throw new Error(`no integration id in ${this.page.url()}`);
    return { id: decodeURIComponent(id), tokenUrl };
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await expect(this.savedState).toBeVisible();
  }

  /** Reads the once-shown URL from the "Integration URL" dialog (after checking it says so) and closes it with Done. */
  async takeTokenUrl(): Promise<string> {
    await expect(this.tokenDialog).toBeVisible();
    await expect(this.tokenDialog).toContainText('won’t be shown again');
    await expect(this.tokenDialog.getByRole('button', { name: 'Copy integration URL', exact: true })).toBeVisible();
    const url = await this.tokenDialog.getByLabel('Integration URL', { exact: true }).inputValue();
    await this.tokenDialog.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(this.tokenDialog).toBeHidden();
    return url;
  }

  get inboundUrlField(): Locator {
    return this.inboundUrlCard.getByLabel('Inbound URL', { exact: true });
  }

  get exampleRequest(): Locator {
    return this.inboundUrlCard.getByRole('region', { name: 'Example request', exact: true });
  }

  /** Rotate URL token → confirm: the new URL, shown once. */
  async rotateToken(): Promise<string> {
    await this.inboundUrlCard.getByRole('button', { name: 'Rotate URL token', exact: true }).click();
    const alert = this.page.getByRole('alertdialog', { name: 'Rotate URL token?' });
    await expect(alert).toBeVisible();
    await alert.getByRole('button', { name: 'Rotate token', exact: true }).click();
    return this.takeTokenUrl();
  }

  /** Test script (inbound): a sample call's method, query, content type and body. */
  async fillSampleRequest(sample: { method?: string; query?: string; contentType?: string; body?: string }): Promise<void> {
    if (sample.method) await selectOptionByLabel(this.testCard.getByLabel('Method', { exact: true }), sample.method);
    if (sample.query !== undefined) await this.testCard.getByLabel('Query string', { exact: true }).fill(sample.query);
    if (sample.contentType) await selectOptionByLabel(this.testCard.getByLabel('Content type', { exact: true }), sample.contentType);
    if (sample.body !== undefined) await this.testCard.getByLabel('Sample body', { exact: true }).fill(sample.body);
  }

  get testButton(): Locator {
    return this.testCard.getByRole('button', { name: 'Test script', exact: true });
  }

  get testResult(): Locator {
    return this.testCard.getByRole('region', { name: 'Test result', exact: true });
  }

  /** A section of the test result (Error, Response, Flows started, Console, HTTP). */
  testSection(name: 'Error' | 'Response' | 'Flows started' | 'Console' | 'HTTP'): Locator {
    return this.testResult.getByRole('region', { name, exact: true });
  }

  async openLog(): Promise<IntegrationLog> {
    await this.page.getByRole('link', { name: 'View log', exact: true }).click();
    const log = new IntegrationLog(this.page);
    await expect(log.heading).toBeVisible();
    return log;
  }
}
