import { expect, type Locator, type Page } from '@playwright/test';

/** Integration Builder → Shared libraries: the list (New Library, Delete) and a library's editor. */
export class LibrariesPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly newButton: Locator;
  readonly deleteAlert: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Shared libraries', exact: true, level: 1 });
    this.list = page.getByRole('list', { name: 'Shared libraries', exact: true });
    this.newButton = page.getByRole('button', { name: 'New Library', exact: true });
    this.deleteAlert = page.getByRole('alertdialog', { name: 'Delete Library' });
  }

  /** The way a person gets there: Main nav → Integration Builder → Edit Shared libraries. */
  async openFromNavigation(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integration Builder' }).click();
    await this.page.getByRole('button', { name: 'Edit Shared libraries', exact: true }).click();
    await expect(this.page).toHaveURL(/\/integration-builder\/libraries$/);
    await expect(this.heading).toBeVisible();
  }

  async goto(): Promise<void> {
    await this.page.goto('/integration-builder/libraries');
    await expect(this.heading).toBeVisible();
  }

  /** The list item of the library named exactly `name`. */
  item(name: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async open(name: string): Promise<LibraryEditor> {
    await this.item(name).getByRole('link', { name, exact: true }).click();
    const editor = new LibraryEditor(this.page);
    await editor.expectLoaded(name);
    return editor;
  }

  async newLibrary(): Promise<LibraryEditor> {
    await this.newButton.click();
    const editor = new LibraryEditor(this.page);
    await editor.expectLoaded('New Library');
    return editor;
  }

  /** Clicks the X beside the library; the Delete Library alert opens. */
  async requestDelete(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Delete library ${name}`, exact: true }).click();
    await expect(this.deleteAlert).toBeVisible();
    return this.deleteAlert;
  }
}

/** A shared library's editor (`/integration-builder/libraries/new`, `/:id`): Name, Source (CodeMirror), Usage. */
export class LibraryEditor {
  readonly details: Locator;
  readonly sourceCard: Locator;
  readonly usage: Locator;
  readonly saveButton: Locator;

  constructor(private readonly page: Page) {
    this.details = page.getByRole('region', { name: 'Details', exact: true });
    this.sourceCard = page.getByRole('region', { name: 'Source', exact: true });
    this.usage = page.getByRole('region', { name: 'Usage', exact: true });
    this.saveButton = page.getByRole('button', { name: 'Save Changes', exact: true });
  }

  async expectLoaded(title: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: title, exact: true, level: 1 })).toBeVisible();
    await expect(this.source).toBeVisible({ timeout: 20_000 });
  }

  get nameField(): Locator {
    return this.details.getByLabel('Name', { exact: true });
  }

  /** The CodeMirror editing area (accessible name "Source"). */
  get source(): Locator {
    return this.sourceCard.getByRole('textbox', { name: 'Source', exact: true });
  }

  /** Replaces the whole source as one insertion (as a paste would: no auto-indent or bracket closing). */
  async setSource(text: string): Promise<void> {
    await this.source.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** The editor's `n`-th line (1-based). */
  line(n: number): Locator {
    return this.source.locator('.cm-line').nth(n - 1);
  }

  /** The parse error marked in the text (a CodeMirror lint range). */
  get errorMark(): Locator {
    return this.source.locator('.cm-lintRange-error');
  }

  /** The parse error's message under the editor ("Line 2, column 9: …"). */
  get errorMessage(): Locator {
    return this.sourceCard.getByRole('alert');
  }

  get savedState(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Saved$/ });
  }

  /** A link in the Usage list: a custom step (its script requires the library) or another library. */
  usageLink(name: string): Locator {
    return this.usage.getByRole('list', { name: 'Library usage' }).getByRole('link', { name, exact: true });
  }
}
