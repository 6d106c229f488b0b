import { expect, test } from '../fixtures';
import { SignInPage } from '../pages/SignInPage';
import { uniqueName } from '../support/unique-name';

// Regression: a page the role may not open said "needs runs.view", an internal permission name,
// instead of which role would do.

test('a refused page says which roles may open it and which one the person has', async ({ browser, api, baseURL }) => {
  const marker = uniqueName('rest').replace(' ', '-').toLowerCase();
  const password = 'rest-pass-12';
  const user = await api.createUser({ name: `Rest ${marker}`, email: `rest-${marker}@example.test`, role: 'rest', password });
  const flow = await api.createFlow(uniqueName('Not for REST users'));

  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(user.email, password);
    await signIn.expectSignedIn();

    await page.goto(`/flows/${flow.id}`);
    const main = page.locator('main');
    await expect(main).toContainText('You cannot do this as a REST Web Service User: it needs the Admin or Developer role.');
    await expect(main).not.toContainText('runs.view');
  } finally {
    await context.close();
  }
});
