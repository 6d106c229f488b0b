import { expect, type Locator, type Page } from '@playwright/test';

/** `/sign-in`: Email, Password, Sign in; and the user menu's Sign out once signed in. */
export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly userMenu: Locator;

  constructor(private readonly page: Page) {
    this.email = page.getByLabel('Email', { exact: true });
    this.password = page.getByLabel('Password', { exact: true });
    this.submit = page.getByRole('button', { name: 'Sign in', exact: true });
    this.error = page.getByRole('alert');
    this.userMenu = page.getByRole('button', { name: 'User menu' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/sign-in');
    await expect(this.submit).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signed in: the sign-in form is gone and the user menu shows. */
  async expectSignedIn(): Promise<void> {
    await expect(this.userMenu).toBeVisible({ timeout: 20_000 });
    await expect(this.submit).toBeHidden();
  }

  async signOut(): Promise<void> {
    await this.userMenu.click();
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(this.submit).toBeVisible();
  }
}
