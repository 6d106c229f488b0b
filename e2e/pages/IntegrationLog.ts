import { expect, type Locator, type Page } from '@playwright/test';

/** An integration's log (`/integration-builder/integrations/:id/log`): entries newest first. */
export class IntegrationLog {
  readonly heading: Locator;
  readonly entries: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: /^Log of /, level: 1 });
    // Direct children only: the HTTP exchanges inside an entry are articles too.
    this.entries = page.getByRole('list', { name: 'Log entries', exact: true }).locator(':scope > li > article');
  }

  async goto(integrationId: string): Promise<void> {
    await this.page.goto(`/integration-builder/integrations/${encodeURIComponent(integrationId)}/log`);
    await expect(this.heading).toBeVisible();
  }

  /** Waits (the page refreshes itself) until the log holds `count` entries. */
  async expectEntries(count: number): Promise<void> {
    await expect(this.entries).toHaveCount(count, { timeout: 20_000 });
  }

  /** The `n`-th entry, newest first (0 = newest). */
  entry(n: number): Locator {
    return this.entries.nth(n);
  }

  /** Opens an entry's details (newest is open already). */
  async expand(entry: Locator): Promise<void> {
    const toggle = entry.getByRole('button', { name: /^(Show|Hide) details of / });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  section(entry: Locator, name: 'Error' | 'Raw body' | 'Callback' | 'Console' | 'HTTP'): Locator {
    return entry.getByRole('region', { name, exact: true });
  }

  consoleLines(entry: Locator): Locator {
    return this.section(entry, 'Console').getByRole('list', { name: 'Console lines' }).getByRole('listitem');
  }

  /** Links to the runs the entry's call started. */
  startedRuns(entry: Locator): Locator {
    return entry.getByRole('list', { name: 'Started runs' }).getByRole('link');
  }
}
