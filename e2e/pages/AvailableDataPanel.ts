import { expect, type Locator, type Page } from '@playwright/test';

/**
 * "Available data" in a step's settings: the upstream steps' outputs from the flow's last run as a
 * tree (buttons named by the reference they insert), its search box, and the HTTP Request URL preview.
 */
export class AvailableDataPanel {
  readonly root: Locator;
  readonly search: Locator;
  readonly requestUrl: Locator;

  constructor(page: Page) {
    const settings = page.getByRole('region', { name: 'Step settings' });
    this.root = settings.getByRole('region', { name: 'Available data', exact: true });
    this.search = this.root.getByRole('searchbox', { name: 'Search available data', exact: true });
    this.requestUrl = settings.getByLabel('Request URL', { exact: true });
  }

  /** The fields of one upstream step (a group named "Data of <step>"). */
  step(stepName: string): Locator {
    return this.root.getByRole('group', { name: `Data of ${stepName}`, exact: true });
  }

  /** The button inserting `{{reference}}` (the reference given without braces). */
  field(reference: string): Locator {
    return this.root.getByRole('button', { name: `{{${reference}}}`, exact: true });
  }

  /** Opens the field's children (fields from depth 3 start closed). */
  async expand(reference: string): Promise<void> {
    const toggle = this.root.getByRole('button', { name: `Expand {{${reference}}}`, exact: true });
    await toggle.click();
    await expect(this.root.getByRole('button', { name: `Collapse {{${reference}}}`, exact: true })).toHaveAttribute('aria-expanded', 'true');
  }

  /** The "Show N more" button of a long list. */
  get showMore(): Locator {
    return this.root.getByRole('button', { name: /^Show \d+ more/ });
  }

  /** Search text currently highlighted in the tree. */
  get highlights(): Locator {
    return this.root.locator('mark');
  }

  /** References in the URL preview that the last run cannot fill. */
  get unresolvedInUrl(): Locator {
    return this.requestUrl.locator('mark');
  }
}
