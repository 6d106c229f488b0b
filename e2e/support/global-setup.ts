import { chromium, type FullConfig } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SignInPage } from '../pages/SignInPage';
import { adminAccount } from './admin-account';

/**
 * Signs the admin in through the sign-in page once, and keeps the session (cookie) for every test:
 * `use.storageState` in playwright.config.ts hands it to each page and to the `request` fixture.
 * Tests about signing in start from an empty state instead.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const project = config.projects[0];
  if (!project) throw new Error('playwright.config.ts has no project');
  const { baseURL, storageState, launchOptions } = project.use;
  if (typeof storageState !== 'string') throw new Error('playwright.config.ts must set use.storageState to a file path');
  const browser = await chromium.launch(launchOptions);
  try {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(adminAccount.email, adminAccount.password);
    await signIn.expectSignedIn();
    mkdirSync(dirname(storageState), { recursive: true });
    await context.storageState({ path: storageState });
  } finally {
    await browser.close();
  }
}
