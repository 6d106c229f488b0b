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

  /** The Components drop-down's "Endpoints…" entry. */
  async openEndpointsFromComponents(): Promise<EndpointsListDialog> {
    return EndpointsListDialog.openFromComponents(this.page);
  }
}
