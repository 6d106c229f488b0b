import type { Browser, Page } from '@playwright/test';
import { SignInPage } from '../pages/SignInPage';
import type { FlowyardApi, TestRole } from './flowyard-api';
import { uniqueName } from './unique-name';

/**
 * Creates a user of `role` and runs `use` with a page of a fresh browser context signed in as
 * them through the sign-in page (the admin's stored session is not shared); the context is closed after.
 */
export async function asNewUser(
  browser: Browser,
  baseURL: string | undefined,
  api: FlowyardApi,
  role: TestRole,
  use: (page: Page, user: { name: string; email: string }) => Promise<void>,
): Promise<void> {
  const marker = uniqueName(role).replace(' ', '-').toLowerCase();
  const password = `${role}-pass-12`;
  const user = await api.createUser({ name: `${role[0]?.toUpperCase()}${role.slice(1)} ${marker}`, email: `${marker}@example.test`, role, password });
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(user.email, password);
    await signIn.expectSignedIn();
    await use(page, user);
  } finally {
    await context.close();
  }
}
