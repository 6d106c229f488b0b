import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

test('edits the canvas from the keyboard and toolbar: add with Enter, delete by key and button, undo, redo', async ({
  page,
  api,
  flowEditor,
}) => {
  const flow = await api.createFlow(uniqueName('Keyboard flow'));
  await flowEditor.goto(flow.id);
  await expect(flowEditor.nodes).toHaveCount(0);
  await expect(flowEditor.savedState).toBeVisible();

  await flowEditor.paletteItem('manual-trigger').press('Enter');
  await expect(flowEditor.nodes).toHaveCount(1);
  const [triggerId] = await flowEditor.nodeIds();
  if (triggerId === undefined) throw new Error('no trigger node');
  await expect(flowEditor.unsavedState).toBeVisible();

  // With the trigger selected, Enter on a palette item adds the step below it, connected.
  await flowEditor.select(triggerId);
  await flowEditor.paletteItem('http-request').press('Enter');
  await expect(flowEditor.nodes).toHaveCount(2);
  await expect(flowEditor.edges).toHaveCount(1);
  const stepId = (await flowEditor.nodeIds()).find((id) => id !== triggerId);
  if (stepId === undefined) throw new Error('no step node');
  await expect(flowEditor.needsSettingsBadge(stepId)).toBeVisible();
  await expect(flowEditor.needsSettingsBadge(triggerId)).toHaveCount(0);

  await flowEditor.select(stepId);
  await page.keyboard.press('Delete');
  await expect(flowEditor.nodes).toHaveCount(1);
  await expect(flowEditor.edges).toHaveCount(0);

  await flowEditor.toolbarButton('Undo').click();
  await expect(flowEditor.node(stepId)).toBeVisible();
  await expect(flowEditor.edges).toHaveCount(1);
  await flowEditor.toolbarButton('Redo').click();
  await expect(flowEditor.node(stepId)).toHaveCount(0);
  await flowEditor.toolbarButton('Undo').click();
  await expect(flowEditor.nodes).toHaveCount(2);

  await flowEditor.select(triggerId);
  await flowEditor.deleteSelection();
  await expect(flowEditor.node(triggerId)).toHaveCount(0);
  await expect(flowEditor.edges).toHaveCount(0);
  await flowEditor.toolbarButton('Undo').click();
  await expect(flowEditor.nodes).toHaveCount(2);
  await expect(flowEditor.edges).toHaveCount(1);

  await flowEditor.save();
  await page.reload();
  await flowEditor.expectLoaded();
  expect(await flowEditor.nodeIds()).toEqual([triggerId, stepId].sort());
  await expect(flowEditor.edges).toHaveCount(1);
  await expect(flowEditor.savedState).toBeVisible();
});
