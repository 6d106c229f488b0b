import { expect, test } from '../fixtures';
import { HistoryPanel } from '../pages/HistoryPanel';
import { uniqueName } from '../support/unique-name';

test('History lists autosaved versions, shows an old one read-only and restores it as a new version', async ({ page, api, flowEditor }) => {
  const flow = await api.createHttpFlow(uniqueName('With history'), { name: 'Call', endpointId: null });
  const history = new HistoryPanel(page);
  await flowEditor.goto(flow.id);

  // Two edits, each autosaved as a version of its own.
  await flowEditor.select(flow.stepNodeId);
  await flowEditor.paletteItem('find-user').press('Enter');
  await expect(flowEditor.nodes).toHaveCount(3);
  await flowEditor.expectAutosaved();
  const added = (await api.getFlow(flow.id)).version;
  await flowEditor.stepNameField.fill('Look up');
  await expect(flowEditor.nodeNamed('Look up')).toHaveCount(1);
  await flowEditor.expectAutosaved();
  await expect.poll(async () => (await api.getFlow(flow.id)).version).toBe(added + 1);

  await history.open();
  await expect(history.items.first()).toContainText('1 step changed');
  await expect(history.items.first()).toContainText('Current');
  await expect(history.items.first()).toContainText(/ago|just now/);
  await expect(history.item(added)).toContainText('1 step added');

  // The older version, read-only: its step names, no palette, no settings, nothing to drag.
  await history.view(added);
  await expect(flowEditor.nodeNamed('Find User')).toHaveCount(1);
  await expect(flowEditor.nodeNamed('Look up')).toHaveCount(0);
  await expect(flowEditor.palette).toBeHidden();
  await expect(flowEditor.settings).toBeHidden();
  await expect(flowEditor.toolbarButton('Undo')).toBeDisabled();
  // A drag may pan the view, but the step keeps its place in the flow.
  const step = flowEditor.node(flow.stepNodeId);
  const placeOf = () => step.evaluate((element) => (element instanceof HTMLElement ? element.style.transform : ''));
  const placed = await placeOf();
  const box = await step.boundingBox();
  if (!box) throw new Error('the step is not on screen');
  await page.mouse.move(box.x + 20, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, box.y + 90, { steps: 8 });
  await page.mouse.up();
  expect(await placeOf()).toBe(placed);
  // Nothing seen here is saved: the stored flow is still the latest edit.
  await page.waitForTimeout(1500);
  expect((await api.getFlow(flow.id)).version).toBe(added + 1);

  // Back to current shows the latest again; then restore the older one.
  await history.backToCurrent();
  await expect(flowEditor.nodeNamed('Look up')).toHaveCount(1);
  await history.view(added);
  await history.restore();
  await expect(flowEditor.nodeNamed('Find User')).toHaveCount(1);
  await expect(flowEditor.nodeNamed('Look up')).toHaveCount(0);
  await expect(flowEditor.palette).toBeVisible();
  await expect(history.items.first()).toContainText(`Restored version ${added}`);
  await expect(history.items.first()).toContainText('Current');
  await expect(history.item(added + 2)).toHaveCount(1);
  const restored = await api.getFlow(flow.id);
  expect(restored.version).toBe(added + 2);
  expect(restored.stepNames).toContain('Find User');
  expect(restored.stepNames).not.toContain('Look up');
  await expect(flowEditor.savedState).toBeVisible();

  // The restore is one undo step: Undo brings back what was open, and that autosaves as a version.
  await flowEditor.toolbarButton('Undo').click();
  await expect(flowEditor.nodeNamed('Look up')).toHaveCount(1);
  await flowEditor.expectAutosaved();
  await expect(history.items.first()).toContainText('1 step changed');
  expect((await api.getFlow(flow.id)).stepNames).toContain('Look up');
});
