import { expect, type Locator, type Page } from '@playwright/test';

/** The question the endpoint dialog's Save asks when a rename would leave scripts naming the old name. */
export class RenameScriptsAlert {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('alertdialog', { name: 'Scripts name this endpoint' });
  }

  /** The custom steps it lists, by name. */
  get scripts(): Locator {
    return this.root.getByRole('list', { name: 'Scripts naming the endpoint' }).getByRole('listitem');
  }

  async choose(choice: 'Update scripts' | 'Keep scripts' | 'Cancel'): Promise<void> {
    await this.root.getByRole('button', { name: choice, exact: true }).click();
    await expect(this.root).toBeHidden();
  }
}

/** The endpoint dialog's Usage tab list of custom steps whose scripts name the endpoint. */
export function scriptUsageLink(dialog: Locator, customStepName: string): Locator {
  return dialog.getByRole('list', { name: 'Script usage' }).getByRole('link', { name: customStepName, exact: true });
}
