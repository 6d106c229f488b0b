import { expect, type Locator, type Page } from '@playwright/test';

/**
 * What works on one step: in its settings, "On failure", "Pinned output" and "Test step"; in
 * Activity, a step's "Pin output" button; on the canvas, a step's "Pinned" badge.
 */
export class StepTools {
  readonly settings: Locator;
  readonly activity: Locator;

  constructor(private readonly page: Page) {
    this.settings = page.getByRole('region', { name: 'Step settings' });
    this.activity = page.getByRole('region', { name: 'Activity' });
  }

  get onFailureField(): Locator {
    return this.settings.getByLabel('On failure', { exact: true });
  }

  /** Chooses "Retry" with `tries` in all and the first wait in ms. */
  async retry(tries: number, firstWaitMs: number): Promise<void> {
    await this.onFailureField.selectOption('retry');
    await this.settings.getByLabel('Tries in all', { exact: true }).fill(String(tries));
    await this.settings.getByLabel('First wait (ms)', { exact: true }).fill(String(firstWaitMs));
  }

  get pinnedOutput(): Locator {
    return this.settings.getByRole('region', { name: 'Pinned output', exact: true });
  }

  get pinnedOutputField(): Locator {
    return this.pinnedOutput.getByLabel('Pinned output', { exact: true });
  }

  /** Types JSON into the Pinned output box and pins it ("Pin output" or "Update pin"). */
  async typePin(json: string): Promise<void> {
    await this.pinnedOutputField.fill(json);
    await this.pinnedOutput.getByRole('button', { name: /^(Pin output|Update pin)$/ }).click();
  }

  /** The "Pin output" button of the step open in Activity. */
  get activityPinButton(): Locator {
    return this.activity.getByRole('button', { name: 'Pin output', exact: true });
  }

  pinnedBadge(node: Locator): Locator {
    return node.getByLabel('Pinned output', { exact: true });
  }

  get testStep(): Locator {
    return this.settings.getByRole('region', { name: 'Test step', exact: true });
  }

  get testResult(): Locator {
    return this.testStep.getByRole('region', { name: 'Test result', exact: true });
  }

  /** Presses "Test step" and waits for its result to show `status` (e.g. /succeeded/i). */
  async runTest(): Promise<void> {
    await this.testStep.getByRole('button', { name: 'Test step', exact: true }).click();
    await expect(this.testStep.getByRole('button', { name: 'Test step', exact: true })).toBeEnabled({ timeout: 20_000 });
  }

  /** A details section (Inputs, Outputs, HTTP, Tries…) of the step open in Activity. */
  activitySection(name: string): Locator {
    return this.activity.getByRole('region', { name, exact: true });
  }
}
