import { expect, test } from '../fixtures';
import { optionLabels } from '../pages/select-option';
import { uniqueName } from '../support/unique-name';

test('an endpoint added through the canvas Components drop-down shows up in the open step picker', async ({
  api,
  flowEditor,
  target,
}) => {
  const endpointName = uniqueName('Components API');
  const flow = await api.createHttpFlow(uniqueName('Needs endpoint'), { name: 'Call later', endpointId: null, path: '/api/items' });

  await flowEditor.goto(flow.id);
  await expect(flowEditor.needsSettingsBadge(flow.stepNodeId)).toBeVisible();
  await flowEditor.select(flow.stepNodeId);
  expect(await optionLabels(flowEditor.endpointField)).not.toContain(endpointName);

  const list = await flowEditor.openEndpointsFromComponents();
  const dialog = await list.addEndpoint();
  await dialog.fill({ name: endpointName, baseUrl: target.baseUrl, auth: { type: 'none' } });
  await dialog.saveAndClose();
  await expect(list.item(endpointName)).toBeVisible();
  await list.close();

  // No reload: the picker that was open learns about the new endpoint.
  await expect.poll(() => optionLabels(flowEditor.endpointField)).toContain(endpointName);
  await flowEditor.chooseEndpoint(endpointName);
  await expect(flowEditor.needsSettingsBadge(flow.stepNodeId)).toHaveCount(0);
  await flowEditor.save();
});
