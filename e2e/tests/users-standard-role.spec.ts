import { expect, test } from '../fixtures';
import { SignInPage } from '../pages/SignInPage';
import { csrfHeader } from '../support/trpc-http';
import { uniqueName } from '../support/unique-name';

test('a Standard User sees their own account and no editing controls; the API refuses them', async ({ browser, api, baseURL }) => {
  const marker = uniqueName('std').replace(' ', '-').toLowerCase();
  const password = 'standard-pass-1';
  const user = await api.createUser({ name: `Standard ${marker}`, email: `std-${marker}@example.test`, role: 'standard', password });
  const flow = await api.createFlow(uniqueName('Not for standard users'));

  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(user.email, password);
    await signIn.expectSignedIn();

    // Home is their own account; no section they could not use is offered.
    await expect(page.getByRole('heading', { name: user.name, level: 1 })).toBeVisible();
    await expect(page.getByText('Standard User', { exact: true })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const section of ['Flows', 'Integration Builder', 'Steps', 'Users']) {
      await expect(nav.getByRole('link', { name: section })).toHaveCount(0);
    }

    // Typing addresses does not bring the editing controls back.
    await page.goto(`/flows/${flow.id}`);
    await expect(page.locator('main')).toContainText(/not|may not|permission/i);
    for (const name of ['Save', 'Run', 'Undo', 'Delete']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await page.goto('/integration-builder/endpoints');
    await expect(page.getByRole('heading', { name: 'Endpoints', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add Endpoint' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Delete endpoint/ })).toHaveCount(0);
    await page.goto('/flows');
    await expect(page.getByRole('button', { name: 'New Flow' })).toHaveCount(0);

    // The server is the authority: a Standard User calling a Developer procedure gets FORBIDDEN.
    const workflowId = await api.defaultWorkflowId();
    const refused = await page.request.post('/trpc/endpoints.create', {
      data: { workflowId, name: uniqueName('Sneaky'), baseUrl: 'http://127.0.0.1:9', trustSelfSigned: false, auth: { type: 'none' } },
      headers: csrfHeader,
    });
    expect(refused.status()).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain('FORBIDDEN');
  } finally {
    await context.close();
  }
});
