import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

test('builds a flow by dragging steps, creates its endpoint inside the step, and reloads it unchanged', async ({
  page,
  flowsPage,
  flowEditor,
  target,
}) => {
  const flowName = uniqueName('Sync items');
  const endpointName = uniqueName('Items API');
  const stepName = 'Fetch items';

  await flowsPage.goto();
  await flowsPage.createFlow(flowName);
  await flowEditor.expectLoaded();
  await expect(flowEditor.nodes).toHaveCount(0);

  const triggerId = await flowEditor.dragFromPalette('manual-trigger', { x: 300, y: 120 });
  const stepId = await flowEditor.dragFromPalette('http-request', { x: 300, y: 360 });
  await expect(flowEditor.node(triggerId)).toContainText('Manual Trigger');
  await expect(flowEditor.node(stepId)).toContainText('HTTP Request');
  await expect(flowEditor.needsSettingsBadge(stepId)).toBeVisible();
  // Edits save by themselves (autosave), a step still missing settings included.
  await flowEditor.expectAutosaved();

  // The endpoint is created from inside the step and lands in its picker without a reload.
  await flowEditor.select(stepId);
  const dialog = await flowEditor.newEndpointFromPicker();
  await dialog.fill({ name: endpointName, baseUrl: target.baseUrl, auth: { type: 'none' } });
  await dialog.saveAndClose();
  if ((await flowEditor.selectedEndpoint()) !== endpointName) await flowEditor.chooseEndpoint(endpointName);
  await expect.poll(() => flowEditor.selectedEndpoint()).toBe(endpointName);

  await flowEditor.stepNameField.fill(stepName);
  await flowEditor.pathField.fill('/api/items');
  await expect(flowEditor.node(stepId)).toContainText(stepName);
  await expect(flowEditor.needsSettingsBadge(stepId)).toHaveCount(0);

  await flowEditor.connect(triggerId, stepId);
  await expect(flowEditor.edges).toHaveCount(1);

  await flowEditor.save();

  await page.reload();
  await flowEditor.expectLoaded();
  await expect(flowEditor.savedState).toBeVisible();
  await expect(flowEditor.nodes).toHaveCount(2);
  expect(await flowEditor.nodeIds()).toEqual([triggerId, stepId].sort());
  await expect(flowEditor.edges).toHaveCount(1);
  await expect(flowEditor.node(stepId)).toContainText(stepName);
  await expect(flowEditor.needsSettingsBadge(stepId)).toHaveCount(0);

  await flowEditor.select(stepId);
  await expect(flowEditor.stepNameField).toHaveValue(stepName);
  await expect(flowEditor.pathField).toHaveValue('/api/items');
  await expect.poll(() => flowEditor.selectedEndpoint()).toBe(endpointName);
  await expect(flowEditor.savedState).toBeVisible();
});
