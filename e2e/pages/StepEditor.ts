import { expect, type Locator, type Page } from '@playwright/test';
import { EndpointsListDialog } from './EndpointsListDialog';
import { TestScriptDialog } from './TestScriptDialog';

export interface StepInputSpec {
  label: string;
  required?: boolean;
  helpText?: string;
  minLength?: number;
  maxLength?: number;
  defaultValue?: string;
  multiline?: boolean;
}

/**
 * The custom step editor (`/steps/new`, `/steps/:id`): cards Details, Inputs, Outputs, Settings
 * and Script (CodeMirror beside the "Available objects" sidebar), Save Changes.
 */
export class StepEditor {
  readonly details: Locator;
  readonly inputs: Locator;
  readonly outputs: Locator;
  readonly settings: Locator;
  readonly scriptCard: Locator;
  readonly availableObjects: Locator;

  constructor(private readonly page: Page) {
    this.details = page.getByRole('region', { name: 'Details', exact: true });
    this.inputs = page.getByRole('region', { name: 'Inputs', exact: true });
    this.outputs = page.getByRole('region', { name: 'Outputs', exact: true });
    this.settings = page.getByRole('region', { name: 'Settings', exact: true });
    this.scriptCard = page.getByRole('region', { name: 'Script', exact: true });
    this.availableObjects = page.getByRole('region', { name: 'Available objects', exact: true });
  }

  /** The page heading: "New Step", or the stored step's name. */
  title(name: string): Locator {
    return this.page.getByRole('heading', { name, exact: true, level: 1 });
  }

  async expectLoaded(title: string): Promise<void> {
    await expect(this.title(title)).toBeVisible();
    await expect(this.details).toBeVisible();
  }

  get nameField(): Locator {
    return this.details.getByLabel('Name', { exact: true });
  }

  get descriptionField(): Locator {
    return this.details.getByLabel('Description', { exact: true });
  }

  /** The fieldset of the `n`-th input (1-based). */
  input(n: number): Locator {
    return this.inputs.getByRole('group', { name: `Input ${n}`, exact: true });
  }

  /** The fieldset of the `n`-th output (1-based). */
  output(n: number): Locator {
    return this.outputs.getByRole('group', { name: `Output ${n}`, exact: true });
  }

  /** Add input, then fills the new (last) row. */
  async addInput(spec: StepInputSpec): Promise<void> {
    const n = (await this.inputs.getByRole('group').count()) + 1;
    await this.inputs.getByRole('button', { name: 'Add input', exact: true }).click();
    const row = this.input(n);
    await row.getByLabel('Label', { exact: true }).fill(spec.label);
    if (spec.helpText !== undefined) await row.getByLabel('Help text', { exact: true }).fill(spec.helpText);
    if (spec.minLength !== undefined) await row.getByLabel('Min length', { exact: true }).fill(String(spec.minLength));
    if (spec.maxLength !== undefined) await row.getByLabel('Max length', { exact: true }).fill(String(spec.maxLength));
    if (spec.defaultValue !== undefined) await row.getByLabel('Default value', { exact: true }).fill(spec.defaultValue);
    if (spec.required !== undefined) await row.getByLabel('Required', { exact: true }).setChecked(spec.required);
    if (spec.multiline !== undefined) await row.getByLabel('Multi-line', { exact: true }).setChecked(spec.multiline);
  }

  /** Add output, then names the new (last) row. */
  async addOutput(label: string): Promise<void> {
    const n = (await this.outputs.getByRole('group').count()) + 1;
    await this.outputs.getByRole('button', { name: 'Add output', exact: true }).click();
    await this.output(n).getByLabel('Label', { exact: true }).fill(label);
  }

  get includeEndpointField(): Locator {
    return this.settings.getByLabel('Include Endpoint', { exact: true });
  }

  get endpointLabelField(): Locator {
    return this.settings.getByLabel('Endpoint Label', { exact: true });
  }

  get endpointTypeField(): Locator {
    return this.settings.getByLabel('Endpoint Type', { exact: true });
  }

  /** Ticks Include Endpoint and names the endpoint label scripts call. */
  async includeEndpoint(label: string): Promise<void> {
    await this.includeEndpointField.setChecked(true);
    await this.endpointLabelField.fill(label);
  }

  /** The CodeMirror editing area (contenteditable, accessible name "Script"). */
  get scriptEditor(): Locator {
    return this.scriptCard.getByRole('textbox', { name: 'Script', exact: true });
  }

  /**
   * Replaces the whole script. The text goes in as one insertion (as a paste would), so
   * CodeMirror's bracket closing and auto-indent do not alter it; completion is dismissed.
   */
  async setScript(source: string): Promise<void> {
    await expect(this.scriptEditor).toBeVisible({ timeout: 20_000 });
    await this.scriptEditor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(source);
    await this.page.keyboard.press('Escape');
  }

  /** The script as CodeMirror holds it (its lines joined by newlines). */
  async scriptText(): Promise<string> {
    return this.scriptEditor.evaluate((el) => Array.from(el.querySelectorAll('.cm-line'), (line) => line.textContent ?? '').join('\n'));
  }

  /** An "Available objects" group's item (a button named by the code it inserts). */
  availableItem(code: string): Locator {
    return this.availableObjects.getByRole('button', { name: code, exact: true });
  }

  /** An option of the script editor's open completion list, by the name it completes. */
  completionOption(label: string): Locator {
    return this.page
      .getByRole('listbox')
      .getByRole('option')
      .filter({ has: this.page.locator('.cm-completionLabel').getByText(label, { exact: true }) });
  }

  /** The Edit link beside the sidebar's Endpoints heading: opens the workflow's endpoints in place. */
  async editEndpoints(): Promise<EndpointsListDialog> {
    await this.availableObjects.getByRole('link', { name: 'Edit', exact: true }).click();
    const dialog = new EndpointsListDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  /** Test script (under the script editor): opens the dialog that runs the script as edited. */
  async openTestScript(): Promise<TestScriptDialog> {
    await this.scriptCard.getByRole('button', { name: 'Test script', exact: true }).click();
    const dialog = new TestScriptDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save Changes', exact: true });
  }

  get savedState(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Saved$/ });
  }

  get unsavedState(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Unsaved changes$/ });
  }

  /** Save Changes, and the editor shows Saved under the step's own address and name. */
  async save(name: string): Promise<string> {
    await this.saveButton.click();
    await expect(this.page).toHaveURL(/\/steps\/(?!new\b)[^/?#]+$/);
    await expect(this.title(name)).toBeVisible();
    await expect(this.savedState).toBeVisible();
    const id = new URL(this.page.url()).pathname.split('/').pop();
    if (!id) throw new Error(`no step id in ${this.page.url()}`);
    return decodeURIComponent(id);
  }
}
