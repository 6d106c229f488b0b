import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

test('shows where an endpoint is used, refuses deleting it, and deletes it once unused', async ({
  page,
  api,
  endpointsPage,
  flowEditor,
  target,
}) => {
  const endpoint = await api.createEndpoint({ name: uniqueName('Usage API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const flow = await api.createHttpFlow(uniqueName('Uses endpoint'), { name: 'Call usage API', endpointId: endpoint.id, path: '/ping' });

  await endpointsPage.goto();
  const dialog = await endpointsPage.open(endpoint.name);
  await dialog.openUsage();
  await expect(dialog.usageLink(flow.name, flow.stepName)).toBeVisible();
  await dialog.close();

  await endpointsPage.requestDelete(endpoint.name);
  await endpointsPage.expectDeleteRefused();
  await expect(endpointsPage.deleteAlert).toContainText(flow.name);
  await expect(endpointsPage.deleteAlert).toContainText(flow.stepName);
  const reference = endpointsPage.usageLinkInAlert(flow.name, flow.stepName);
  await expect(reference).toBeVisible();
  expect(await api.endpointUsageCount(endpoint.id)).toBe(1);

  // The reference opens the flow with the step selected.
  await reference.click();
  await expect(page).toHaveURL((url) => url.pathname === `/flows/${flow.id}` && url.searchParams.get('step') === flow.stepNodeId);
  await flowEditor.expectLoaded();
  await expect(flowEditor.stepNameField).toHaveValue(flow.stepName);

  await flowEditor.select(flow.stepNodeId);
  await flowEditor.deleteSelection();
  await expect(flowEditor.node(flow.stepNodeId)).toHaveCount(0);
  await expect(flowEditor.edges).toHaveCount(0);
  await flowEditor.save();

  await endpointsPage.goto();
  await endpointsPage.requestDelete(endpoint.name);
  await expect(endpointsPage.deleteAlert).not.toContainText(/can(no|')t be deleted/i);
  await endpointsPage.confirmDeleteButton.click();
  await expect(endpointsPage.deleteAlert).toBeHidden();
  await expect(endpointsPage.item(endpoint.name)).toHaveCount(0);
  await page.reload();
  await expect(endpointsPage.heading).toBeVisible();
  await expect(endpointsPage.item(endpoint.name)).toHaveCount(0);
});
