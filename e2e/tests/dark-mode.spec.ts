import { expect, test } from '../fixtures';
import { AppShell } from '../pages/AppShell';
import { uniqueName } from '../support/unique-name';

test('follows the system theme, and a choice in the user menu is remembered', async ({ page, flowsPage }) => {
  const shell = new AppShell(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await flowsPage.goto();
  expect(await shell.isDark()).toBe(true);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => shell.isDark()).toBe(false);

  await shell.chooseTheme('Dark');
  expect(await shell.isDark()).toBe(true);
  await page.reload();
  await expect(flowsPage.heading).toBeVisible();
  expect(await shell.isDark()).toBe(true);

  await shell.chooseTheme('Light');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await shell.isDark()).toBe(false);
  await shell.chooseTheme('System');
  expect(await shell.isDark()).toBe(true);
});

test('every page is readable in both themes', async ({ page, api, flowEditor }) => {
  const shell = new AppShell(page);
  const flow = await api.createHttpFlow(uniqueName('Readable flow'), { name: 'Fetch items', endpointId: null });
  const pages: { path: string; text: () => ReturnType<typeof page.getByRole> }[] = [
    { path: '/flows', text: () => page.getByRole('heading', { name: 'Flows', level: 1 }) },
    { path: '/integration-builder/endpoints', text: () => page.getByRole('heading', { name: 'Endpoints', level: 1 }) },
    { path: '/steps', text: () => page.getByRole('heading', { name: 'Steps', level: 1 }) },
    { path: '/users', text: () => page.getByRole('heading', { name: 'Users', level: 1 }) },
    { path: `/flows/${flow.id}`, text: () => flowEditor.node(flow.stepNodeId).getByText('Fetch items') },
    { path: `/flows/${flow.id}`, text: () => flowEditor.palette.getByText('HTTP Request', { exact: true }) },
  ];
  for (const theme of ['Light', 'Dark'] as const) {
    await page.goto('/flows');
    await shell.chooseTheme(theme);
    for (const { path, text } of pages) {
      await page.goto(path);
      await expect(text()).toBeVisible();
      // WCAG AA for normal text.
      expect(await shell.contrastOf(text()), `${path} in ${theme}`).toBeGreaterThanOrEqual(4.5);
    }
  }
  // The canvas itself turns dark too.
  await page.goto(`/flows/${flow.id}`);
  const pane = await flowEditor.canvas.evaluate((el) => getComputedStyle(el).backgroundColor);
  await shell.chooseTheme('Light');
  expect(await flowEditor.canvas.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(pane);
});
