import { expect, type Locator, type Page } from '@playwright/test';
import { StepEditor } from './StepEditor';

/** The Steps library (`/steps`): the workflow's custom steps, New Step, delete with usage. */
export class StepsLibraryPage {
  readonly heading: Locator;
  /** The list of custom steps (absent while the library is empty). */
  readonly list: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Steps', exact: true, level: 1 });
    this.list = page.getByRole('list', { name: 'Custom steps' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/steps');
    await expect(this.heading).toBeVisible();
  }

  /** Main navigation → Steps. */
  async openFromNavigation(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Steps', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  /** New Step → an empty step editor. */
  async newStep(): Promise<StepEditor> {
    await this.page.getByRole('button', { name: 'New Step', exact: true }).click();
    const editor = new StepEditor(this.page);
    await editor.expectLoaded('New Step');
    return editor;
  }

  /** The list item of the step called `name`. */
  item(name: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** Opens the step called `name` in the step editor. */
  async openStep(name: string): Promise<StepEditor> {
    await this.list.getByRole('link', { name, exact: true }).click();
    const editor = new StepEditor(this.page);
    await editor.expectLoaded(name);
    return editor;
  }

  get deleteAlert(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Delete Step' });
  }

  /** Delete step <name> (the X) → the Delete Step alert, left open for the caller to confirm or read. */
  async askToDelete(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete step ${name}`, exact: true }).click();
    await expect(this.deleteAlert).toBeVisible();
  }

  get confirmDeleteButton(): Locator {
    return this.deleteAlert.getByRole('button', { name: 'Delete Step', exact: true });
  }

  async confirmDelete(): Promise<void> {
    await this.deleteAlert.getByRole('button', { name: 'Delete Step', exact: true }).click();
    await expect(this.deleteAlert).toBeHidden();
  }
}
