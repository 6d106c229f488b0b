import { expect, type Locator, type Page } from '@playwright/test';
import { IntegrationEditor } from './IntegrationEditor';

export type IntegrationKindName = 'Inbound' | 'Outbound';

/** Integration Builder → Edit Integrations: the workflow's inbound and outbound integrations. */
export class IntegrationsPage {
  readonly heading: Locator;
  readonly deleteAlert: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Integrations', exact: true, level: 1 });
    this.deleteAlert = page.getByRole('alertdialog', { name: 'Delete Integration' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/integration-builder/integrations');
    await expect(this.heading).toBeVisible();
  }

  /** The way a person gets there: Main nav → Integration Builder → Edit Integrations. */
  async openFromNavigation(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integration Builder' }).click();
    await expect(this.page).toHaveURL(/\/integration-builder$/);
    // The Integrations section beside Endpoints counts each kind.
    await expect(this.page.getByRole('region', { name: 'Integrations', exact: true })).toContainText(/No integrations yet|\d+ inbound, \d+ outbound/);
    await this.page.getByRole('button', { name: 'Edit Integrations', exact: true }).click();
    await expect(this.page).toHaveURL(/\/integration-builder\/integrations$/);
    await expect(this.heading).toBeVisible();
  }

  /** New Inbound Integration / New Outbound Integration: the editor of a new one. */
  async create(kind: IntegrationKindName): Promise<IntegrationEditor> {
    await this.page.getByRole('button', { name: `New ${kind} Integration`, exact: true }).click();
    const editor = new IntegrationEditor(this.page);
    await editor.expectLoaded(`New ${kind} Integration`);
    return editor;
  }

  /** The list of one kind ("Inbound integrations" / "Outbound integrations"). */
  list(kind: IntegrationKindName): Locator {
    return this.page.getByRole('list', { name: `${kind} integrations`, exact: true });
  }

  /** The list item of the integration named exactly `name`. */
  item(name: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async open(name: string): Promise<IntegrationEditor> {
    await this.item(name).getByRole('link', { name, exact: true }).click();
    const editor = new IntegrationEditor(this.page);
    await editor.expectLoaded(name);
    return editor;
  }

  toggleButton(name: string, action: 'Enable' | 'Disable'): Locator {
    return this.page.getByRole('button', { name: `${action} integration ${name}`, exact: true });
  }

  async delete(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete integration ${name}`, exact: true }).click();
    await expect(this.deleteAlert).toBeVisible();
    await this.deleteAlert.getByRole('button', { name: 'Delete Integration', exact: true }).click();
    await expect(this.deleteAlert).toBeHidden();
  }
}
