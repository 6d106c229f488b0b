import { expect, type Locator, type Page } from '@playwright/test';
import { EndpointDialog } from './EndpointDialog';

/** Integration Builder → Edit Endpoints: the list of endpoints with Add and Delete. */
export class EndpointsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly addButton: Locator;
  readonly deleteAlert: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Endpoints', exact: true });
    this.list = page.getByRole('list', { name: 'Endpoints', exact: true });
    this.addButton = page.getByRole('button', { name: 'Add Endpoint', exact: true });
    this.deleteAlert = page.getByRole('alertdialog', { name: 'Delete Endpoint' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/integration-builder/endpoints');
    await expect(this.heading).toBeVisible();
  }

  /** The way a person gets there: Main nav → Integration Builder → Edit Endpoints. */
  async openFromNavigation(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integration Builder' }).click();
    await expect(this.page).toHaveURL(/\/integration-builder$/);
    await this.page.getByRole('button', { name: 'Edit Endpoints' }).click();
    await expect(this.page).toHaveURL(/\/integration-builder\/endpoints$/);
    await expect(this.heading).toBeVisible();
  }

  async addEndpoint(): Promise<EndpointDialog> {
    await this.addButton.click();
    const dialog = new EndpointDialog(this.page);
    await dialog.expectOpen('New Endpoint');
    return dialog;
  }

  /** The list item of the endpoint named exactly `name`. */
  item(name: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  async open(name: string): Promise<EndpointDialog> {
    await this.item(name).getByRole('button', { name, exact: true }).click();
    const dialog = new EndpointDialog(this.page);
    await dialog.expectOpen('Edit Endpoint');
    return dialog;
  }

  deleteButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Delete endpoint ${name}`, exact: true });
  }

  /** Clicks the X beside the endpoint; the confirm alert opens. */
  async requestDelete(name: string): Promise<Locator> {
    await this.deleteButton(name).click();
    await expect(this.deleteAlert).toBeVisible();
    return this.deleteAlert;
  }

  get confirmDeleteButton(): Locator {
    return this.deleteAlert.getByRole('button', { name: 'Delete Endpoint', exact: true });
  }

  async cancelDelete(): Promise<void> {
    await this.deleteAlert.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(this.deleteAlert).toBeHidden();
  }

  /**
   * Tries to delete a used endpoint and expects the refusal. A UI that knows the usage
   * up front may disable (or hide) the confirm button; otherwise the refusal comes
   * from the API after confirming. Either way the alert must say so.
   */
  async expectDeleteRefused(): Promise<void> {
    if ((await this.confirmDeleteButton.isVisible()) && (await this.confirmDeleteButton.isEnabled())) {
      await this.confirmDeleteButton.click();
    }
    await expect(this.deleteAlert).toBeVisible();
    await expect(this.deleteAlert).toContainText(/can(no|')t be deleted/i);
  }

  /** A reference listed in the refusal: a link naming the flow and step. */
  usageLinkInAlert(flowName: string, stepName: string): Locator {
    return this.deleteAlert.getByRole('link').filter({ hasText: flowName }).filter({ hasText: stepName });
  }
}
