import { expect, test } from '../fixtures';
import { SignInPage } from '../pages/SignInPage';
import { adminAccount } from '../support/admin-account';

// These tests start signed out: no session cookie.
test.use({ storageState: { cookies: [], origins: [] } });

test('signs in after a wrong password, comes back to the page asked for, and signs out', async ({ page }) => {
  const signIn = new SignInPage(page);

  // Any page needs a session: the sign-in page remembers where the person was going.
  await page.goto('/integration-builder/endpoints');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fintegration-builder%2Fendpoints$/);
  await expect(signIn.submit).toBeVisible();

  await signIn.signIn(adminAccount.email, 'not-the-password');
  await expect(signIn.error).toHaveText('Wrong email or password');
  await expect(page).toHaveURL(/\/sign-in/);
  // The password is cleared for the next try; the email stays.
  await expect(signIn.password).toHaveValue('');
  await expect(signIn.email).toHaveValue(adminAccount.email);

  await signIn.signIn(adminAccount.email, adminAccount.password);
  await signIn.expectSignedIn();
  await expect(page).toHaveURL(/\/integration-builder\/endpoints$/);
  await expect(page.getByRole('heading', { name: 'Endpoints', level: 1 })).toBeVisible();
  // Admins see every section, Users included.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toBeVisible();

  await signIn.signOut();
  await expect(page).toHaveURL(/\/sign-in/);
  // Signed out for real: the pages ask for a session again.
  await page.goto('/flows');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fflows$/);
});

test('an unknown email gets the same answer as a wrong password', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn('nobody@example.test', adminAccount.password);
  await expect(signIn.error).toHaveText('Wrong email or password');
});

test('the API answers UNAUTHORIZED without a session and refuses mutations without the CSRF header', async ({ request }) => {
  const list = await request.get('/trpc/workflows.list');
  expect(list.status()).toBe(401);
  expect(JSON.stringify(await list.json())).toContain('UNAUTHORIZED');

  // A cross-site form cannot set custom headers, so a mutation without it is refused even with valid credentials.
  const signIn = await request.post('/trpc/auth.signIn', { data: { email: adminAccount.email, password: adminAccount.password } });
  expect(signIn.status()).toBeGreaterThanOrEqual(400);
  expect(signIn.status()).toBeLessThan(500);
});

test('a session that ends while a page is open sends the person to sign in, and back afterwards', async ({ page, context }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(adminAccount.email, adminAccount.password);
  await signIn.expectSignedIn();
  await expect(page.getByRole('heading', { name: 'Flows', level: 1 })).toBeVisible();

  // The session is gone (expired, or signed out elsewhere); the next API call answers UNAUTHORIZED.
  await context.clearCookies();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Steps' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsteps$/);
  await signIn.signIn(adminAccount.email, adminAccount.password);
  await expect(page.getByRole('heading', { name: 'Steps', level: 1 })).toBeVisible();
});
