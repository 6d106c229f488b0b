import { expect, type Locator, type Page } from '@playwright/test';

/**
 * "Test script" (opened from a script editor): sample fields, Run test, and the result with
 * Outputs, Console and HTTP sections as the Activity panel shows them.
 */
export class TestScriptDialog {
  readonly root: Locator;
  readonly sample: Locator;
  readonly result: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole('dialog', { name: /^Test script/ });
    this.sample = this.root.getByRole('region', { name: 'Sample', exact: true });
    this.result = this.root.getByRole('region', { name: 'Test result', exact: true });
  }

  /** The sample field of a custom step input, by its label. */
  sampleInput(label: string): Locator {
    return this.sample.getByLabel(label, { exact: true });
  }

  async run(): Promise<void> {
    await this.root.getByRole('button', { name: 'Run test', exact: true }).click();
    await expect(this.result).toBeVisible({ timeout: 30_000 });
  }

  get outputs(): Locator {
    return this.result.getByRole('region', { name: 'Outputs', exact: true });
  }

  get consoleLines(): Locator {
    return this.result.getByRole('list', { name: 'Console lines', exact: true }).getByRole('listitem');
  }

  /** The HTTP exchanges shown, one article each. */
  get exchanges(): Locator {
    return this.result.getByRole('article');
  }

  get problem(): Locator {
    return this.root.getByRole('alert');
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.root).toBeHidden();
  }
}
