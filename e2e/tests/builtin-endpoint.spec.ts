import { expect, test } from '../fixtures';

test('the built-in Flowyard endpoint is listed first and cannot be deleted or renamed in the UI', async ({ page, endpointsPage, endpointDialog, baseURL }) => {
  await endpointsPage.goto();
  const first = endpointsPage.list.getByRole('listitem').first();
  await expect(first.getByRole('button', { name: 'Flowyard', exact: true })).toBeVisible();
  await expect(first).toContainText('Built in');
  // Its base URL is this server's public URL.
  await expect(first).toContainText(baseURL ?? '');
  await expect(endpointsPage.deleteButton('Flowyard')).toHaveCount(0);

  await endpointsPage.open('Flowyard');
  await expect(endpointDialog.nameField).toHaveAttribute('readonly', '');
  await expect(endpointDialog.baseUrlField).toHaveAttribute('readonly', '');
  await expect(endpointDialog.saveButton).toHaveCount(0);
  await expect(endpointDialog.root).toContainText('as the user who started the run');
  await endpointDialog.root.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
