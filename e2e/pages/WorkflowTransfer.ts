import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** Integration Builder → Export and import: the Export workflow and Import workflow buttons. */
export class WorkflowTransfer {
  readonly exportButton: Locator;
  readonly importButton: Locator;

  constructor(private readonly page: Page) {
    this.exportButton = page.getByRole('button', { name: 'Export workflow', exact: true });
    this.importButton = page.getByRole('button', { name: 'Import workflow', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/integration-builder');
    await expect(this.exportButton).toBeEnabled();
  }

  /** Clicks Export workflow and waits for the browser's download of the file. */
  async exportWorkflow(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.exportButton.click();
    return download;
  }

  async openImport(): Promise<ImportWorkflowDialog> {
    await this.importButton.click();
    const dialog = new ImportWorkflowDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}

/** The Import workflow dialog: file, then its problems or one choice per endpoint, then Import. */
export class ImportWorkflowDialog {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('dialog', { name: 'Import workflow' });
  }

  get fileField(): Locator {
    return this.root.getByLabel('Workflow file', { exact: true });
  }

  /** Chooses a file with `content` (an object is written as JSON). */
  async chooseFile(name: string, content: unknown): Promise<void> {
    const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
    await this.fileField.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  }

  /** The problems of an invalid file, one item each holding its JSON path and message. */
  get problems(): Locator {
    return this.root.getByRole('list', { name: 'Import problems' }).getByRole('listitem');
  }

  get preview(): Locator {
    return this.root.getByRole('region', { name: 'Import preview' });
  }

  /** The choice for the file's endpoint named `name`. */
  endpointChoice(name: string): Locator {
    return this.root.getByRole('radiogroup', { name, exact: true });
  }

  bindOption(endpointName: string, existingName: string): Locator {
    return this.endpointChoice(endpointName).getByRole('radio', { name: `Bind to existing ${existingName}`, exact: true });
  }

  createOption(endpointName: string): Locator {
    return this.endpointChoice(endpointName).getByRole('radio', { name: 'Create (needs credentials)', exact: true });
  }

  get importButton(): Locator {
    return this.root.getByRole('button', { name: 'Import', exact: true });
  }

  /** The success message after Import. */
  get done(): Locator {
    return this.root.getByRole('status');
  }

  importedFlow(name: string): Locator {
    return this.root.getByRole('list', { name: 'Imported flows' }).getByRole('link', { name, exact: true });
  }

  /** After Import: the link to an imported integration, by its (possibly renamed) name. */
  importedIntegration(name: string): Locator {
    return this.root.getByRole('list', { name: 'Imported integrations' }).getByRole('link', { name, exact: true });
  }

  /** After Import: the fresh URL of an imported URL-authenticated integration (shown this once). */
  integrationUrl(name: string): Locator {
    return this.root.getByRole('textbox', { name: `URL of ${name}`, exact: true });
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(this.root).toBeHidden();
  }
}
