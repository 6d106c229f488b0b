import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

test('typing in the palette filters built-in and custom steps; Enter adds the first after the selected step', async ({ page, api, flowEditor }) => {
  const custom = await api.createCustomStep({ name: uniqueName('Ticket opener'), description: 'Opens a support ticket', script: '' });
  const flow = await api.createHttpFlow(uniqueName('Searched palette'), { name: 'Call', endpointId: null });
  await flowEditor.goto(flow.id);

  await flowEditor.paletteSearch.fill('user');
  await expect(flowEditor.paletteItem('find-user')).toBeVisible();
  await expect(flowEditor.paletteItem('http-request')).toHaveCount(0);
  await expect(flowEditor.customPaletteItem(custom.name)).toHaveCount(0);

  await flowEditor.paletteSearch.fill('support ticket');
  await expect(flowEditor.customPaletteItem(custom.name)).toBeVisible();
  await expect(flowEditor.paletteItem('find-user')).toHaveCount(0);

  // Enter adds the first match below the selected step, connected to it.
  await flowEditor.select(flow.stepNodeId);
  await flowEditor.paletteSearch.press('Enter');
  await expect(flowEditor.nodes).toHaveCount(3);
  await expect(flowEditor.edges).toHaveCount(2);
  await expect(flowEditor.nodeNamed(custom.name)).toBeVisible();

  await flowEditor.paletteSearch.fill('nothing like this');
  await expect(flowEditor.palette).toContainText('No step matches');
  await flowEditor.paletteSearch.press('Escape');
  await expect(flowEditor.paletteItem('manual-trigger')).toBeVisible();
  await expect(page.getByText('No step matches')).toHaveCount(0);
});

test('? shows the keyboard shortcuts', async ({ page, api, flowEditor }) => {
  const flow = await api.createFlow(uniqueName('Shortcuts'));
  await flowEditor.goto(flow.id);
  await flowEditor.pane.click({ position: { x: 100, y: 100 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Duplicate the selected steps');
  await expect(dialog).toContainText('Shift+drag');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
  // Typed into a field, ? is just a character.
  await flowEditor.paletteSearch.fill('?');
  await expect(dialog).toBeHidden();
});
