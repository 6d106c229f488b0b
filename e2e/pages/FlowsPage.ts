import { expect, type Locator, type Page } from '@playwright/test';
import { EndpointsListDialog } from './EndpointsListDialog';

/** The Flows tab: list, create, rename, delete flows. */
export class FlowsPage {
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Flows', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/flows');
    await expect(this.heading).toBeVisible();
  }

  async openFromNavigation(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  get deleteAlert(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Delete Flow' });
  }

  flowLink(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }

  /** New Flow → Flow name → Create; ends on the new flow's canvas. */
  async createFlow(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New Flow', exact: true }).click();
    await this.page.getByLabel('Flow name', { exact: true }).fill(name);
    await this.page.getByRole('button', { name: 'Create', exact: true }).click();
    // The UI may open the new flow right away or list it; either way end on its canvas.
    const onCanvas = this.page.waitForURL(/\/flows\/[^/?]+/, { timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (!(await onCanvas)) await this.openFlow(name);
  }

  async openFlow(name: string): Promise<void> {
    await this.flowLink(name).click();
    await expect(this.page).toHaveURL(/\/flows\/[^/?]+/);
  }

  /** Rename flow <name> → Flow name → Rename. */
  async renameFlow(name: string, newName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rename flow ${name}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Rename Flow' });
    await expect(dialog.getByLabel('Flow name', { exact: true })).toHaveValue(name);
    await dialog.getByLabel('Flow name', { exact: true }).fill(newName);
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Types into Search flows, so a flow is listed however many there are. */
  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search flows', exact: true }).fill(text);
    await expect(this.flowLink(text)).toBeVisible();
  }

  /** Delete flow <name>: the Delete Flow alert, not yet confirmed. */
  async askToDelete(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Delete flow ${name}`, exact: true }).click();
    await expect(this.deleteAlert).toContainText(name);
    return this.deleteAlert;
  }

  /** Delete flow <name> → confirm in the Delete Flow alert. */
  async deleteFlow(name: string): Promise<void> {
    await (await this.askToDelete(name)).getByRole('button', { name: 'Delete Flow', exact: true }).click();
    await expect(this.deleteAlert).toBeHidden();
  }

  /** The Components drop-down's "Endpoints…" entry. */
  async openEndpointsFromComponents(): Promise<EndpointsListDialog> {
    return EndpointsListDialog.openFromComponents(this.page);
  }
}
