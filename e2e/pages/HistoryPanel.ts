import { expect, type Locator, type Page } from '@playwright/test';

/** The flow editor's History panel (toolbar **History**) and the banner over a kept version. */
export class HistoryPanel {
  readonly root: Locator;
  readonly versions: Locator;
  /** The banner over the canvas while a kept version is shown. */
  readonly banner: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole('region', { name: 'History' });
    this.versions = this.root.getByRole('list', { name: 'Versions' });
    this.banner = page.getByRole('region', { name: 'Version view' });
  }

  get toolbarButton(): Locator {
    return this.page.getByRole('button', { name: 'History', exact: true });
  }

  async open(): Promise<void> {
    await this.toolbarButton.click();
    await expect(this.versions).toBeVisible();
  }

  /** Version buttons, newest first. */
  get items(): Locator {
    return this.versions.getByRole('button');
  }

  /** The version shown in the list as `version <n>`. */
  item(version: number): Locator {
    return this.items.filter({ hasText: new RegExp(`· version ${version}$`) });
  }

  /** Shows a kept version read-only on the canvas. */
  async view(version: number): Promise<void> {
    await this.item(version).click();
    await expect(this.banner).toContainText(/Viewing version of .+ by .+/);
    await expect(this.banner).toContainText(`version ${version}`);
  }

  async restore(): Promise<void> {
    await this.banner.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(this.banner).toBeHidden();
  }

  async backToCurrent(): Promise<void> {
    await this.banner.getByRole('button', { name: 'Back to current', exact: true }).click();
    await expect(this.banner).toBeHidden();
  }
}
