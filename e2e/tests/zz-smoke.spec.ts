import { expect, test } from '../fixtures';
test('smoke', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/integration-builder');
  await page.screenshot({ path: '/tmp/iw-ib.png' });
  await page.goto('/integration-builder/integrations/new/inbound');
  await expect(page.getByRole('region', { name: 'Script' }).getByRole('textbox', { name: 'Script' })).toBeVisible({ timeout: 20000 });
  await page.screenshot({ path: '/tmp/iw-new-in.png', fullPage: true });
  await page.goto('/integration-builder/integrations/new/outbound');
  await expect(page.getByRole('region', { name: 'Script' }).getByRole('textbox', { name: 'Script' })).toBeVisible({ timeout: 20000 });
  await page.getByRole('button', { name: 'Test script' }).click();
  await page.screenshot({ path: '/tmp/iw-new-out.png', fullPage: true });
  await page.goto('/integration-builder/integrations');
  await page.screenshot({ path: '/tmp/iw-list.png', fullPage: true });
  expect(errors).toEqual([]);
});
