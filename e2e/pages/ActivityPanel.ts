import { expect, type Locator, type Page } from '@playwright/test';

/** The Activity panel docked on the canvas: runs, the selected run's steps, step details. */
export class ActivityPanel {
  readonly root: Locator;
  readonly runs: Locator;
  readonly steps: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('region', { name: 'Activity' });
    this.runs = this.root.getByRole('list', { name: 'Runs' });
    this.steps = this.root.getByRole('list', { name: 'Steps' });
  }

  /** Run buttons, newest first. */
  get runButtons(): Locator {
    return this.runs.getByRole('button');
  }

  /** Waits for the newest run to reach `status` (e.g. /succeeded/i) and selects it. */
  async openLatestRun(status: RegExp): Promise<void> {
    const latest = this.runButtons.first();
    await expect(latest).toContainText(status, { timeout: 20_000 });
    await latest.click();
    await expect(this.steps).toBeVisible();
  }

  stepButton(stepName: string): Locator {
    return this.steps.getByRole('button').filter({ hasText: stepName });
  }

  /** Waits until the step shows `status`, then opens its details. */
  async openStep(stepName: string, status: RegExp): Promise<void> {
    const step = this.stepButton(stepName);
    await expect(step).toContainText(status, { timeout: 20_000 });
    await step.click();
  }

  /** A details section of the selected step (a region named by its heading). */
  section(name: 'Inputs' | 'Outputs' | 'HTTP' | 'Error' | 'Console' | 'Branch'): Locator {
    return this.root.getByRole('region', { name, exact: true });
  }

  /** The value shown for header `name` in the HTTP section's request or response headers. */
  headerValue(which: 'Request headers' | 'Response headers', name: string): Locator {
    return this.section('HTTP')
      .getByLabel(which, { exact: true })
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${name}$`, 'i') })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** The Console section's lines, in the order the script wrote them. */
  get consoleLines(): Locator {
    return this.section('Console').getByRole('list', { name: 'Console lines' }).getByRole('listitem');
  }

  /** The value shown for `name` in the Inputs or Outputs section. */
  value(which: 'Inputs' | 'Outputs', name: string): Locator {
    return this.section(which)
      .getByLabel(which, { exact: true })
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** The header's count of every run the list holds ("55 runs", "1 matching run"). */
  get runCount(): Locator {
    return this.root.getByLabel('Run count');
  }

  /** The filter bar's status, trigger and acted-as choices. */
  filter(name: 'Status' | 'Trigger' | 'Acted as'): Locator {
    return this.root.getByRole('search', { name: 'Filter runs' }).getByLabel(name, { exact: true });
  }

  /** Scrolls the runs column with the mouse wheel, as a person reaches the end of the list. */
  async scrollRuns(): Promise<void> {
    await this.runs.hover();
    await this.runs.page().mouse.wheel(0, 10_000);
  }

  /** A button of the selected run (Stop run, Re-run) or of the selected step (Re-run from here). */
  action(name: 'Stop run' | 'Re-run' | 'Re-run from here'): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  /** The selected run's error (code and message), shown above its steps. */
  get runError(): Locator {
    return this.root.getByText(/^(RUN_STOPPED|RUN_INTERRUPTED)/).locator('..');
  }

  /** The links between a re-run and the run it re-ran. */
  get relatedRuns(): Locator {
    return this.root.getByLabel('Related runs');
  }

  /** The HTTP section's request or response body. */
  body(which: 'Request body' | 'Response body'): Locator {
    return this.section('HTTP').getByLabel(which, { exact: true });
  }
}
