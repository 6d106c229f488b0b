import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

test('creates, renames and deletes flows on the Flows tab; deleting a flow frees its endpoint', async ({
  page,
  api,
  flowsPage,
  flowEditor,
  target,
}) => {
  const created = uniqueName('Fresh flow');
  await flowsPage.goto();
  await flowsPage.createFlow(created);
  await flowEditor.expectLoaded();
  await expect(page.getByText(created, { exact: true })).toBeVisible();
  await flowsPage.openFromNavigation();
  await expect(flowsPage.flowLink(created)).toBeVisible();

  const endpoint = await api.createEndpoint({ name: uniqueName('Flows tab API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const used = await api.createHttpFlow(uniqueName('Uses API'), { name: 'Call it', endpointId: endpoint.id, path: '/x' });
  expect(await api.endpointUsageCount(endpoint.id)).toBe(1);
  await page.reload();
  await expect(flowsPage.flowLink(used.name)).toBeVisible();

  const renamed = uniqueName('Renamed');
  await flowsPage.renameFlow(used.name, renamed);
  await expect(flowsPage.flowLink(renamed)).toBeVisible();
  await expect(flowsPage.flowLink(used.name)).toHaveCount(0);

  await flowsPage.deleteFlow(renamed);
  await expect(flowsPage.flowLink(renamed)).toHaveCount(0);
  await expect(flowsPage.flowLink(created)).toBeVisible();
  expect(await api.endpointUsageCount(endpoint.id)).toBe(0);

  await page.reload();
  await expect(flowsPage.flowLink(renamed)).toHaveCount(0);
});
