import { expect, type Locator, type Page } from '@playwright/test';
import { EndpointDialog } from './EndpointDialog';

/** The "Endpoints" dialog that the Components drop-down opens (canvas and Flows tab). */
export class EndpointsListDialog {
  readonly root: Locator;
  readonly list: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Endpoints', exact: true });
    this.list = this.root.getByRole('list', { name: 'Endpoints', exact: true });
  }

  /** Components → Endpoints… from whichever page shows the drop-down. */
  static async openFromComponents(page: Page): Promise<EndpointsListDialog> {
    await page.getByRole('button', { name: 'Components', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Endpoints…' }).click();
    const dialog = new EndpointsListDialog(page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  async addEndpoint(): Promise<EndpointDialog> {
    await this.root.getByRole('button', { name: 'Add Endpoint', exact: true }).click();
    const dialog = new EndpointDialog(this.page);
    await dialog.expectOpen('New Endpoint');
    return dialog;
  }

  item(name: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(this.root).toBeHidden();
  }
}
