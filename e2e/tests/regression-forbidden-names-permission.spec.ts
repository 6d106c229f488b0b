import { expect, test } from '../fixtures';
import { asNewUser } from '../support/signed-in-as';
import { uniqueName } from '../support/unique-name';

// Regression: a page the role may not open said "needs runs.view", an internal permission name,
// instead of which role would do.

test('a refused page says which roles may open it and which one the person has', async ({ browser, api, baseURL }) => {
  const flow = await api.createFlow(uniqueName('Not for REST users'));
  await asNewUser(browser, baseURL, api, 'rest', async (page) => {
    await page.goto(`/flows/${flow.id}`);
    const main = page.locator('main');
    await expect(main).toContainText('You cannot do this as a REST Web Service User: it needs the Admin or Developer role.');
    await expect(main).not.toContainText('runs.view');
  });
});
