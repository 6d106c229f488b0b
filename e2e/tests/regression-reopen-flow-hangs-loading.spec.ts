import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

// Regression: opening the flow you had just left hung on "Loading flow…" until a full reload
// (the editor's state outlived the page in a module singleton). Each way back in must show it.

test('reopening the flow just left from the Flows tab shows it, not "Loading flow…"', async ({ page, api, flowsPage, flowEditor }) => {
  const flow = await api.createHttpFlow(uniqueName('Reopened flow'), { name: 'Call', endpointId: null });
  await flowEditor.goto(flow.id);
  await expect(flowEditor.node(flow.stepNodeId)).toBeVisible();

  await flowsPage.openFromNavigation();
  await flowsPage.openFlow(flow.name);
  await flowEditor.expectLoaded();
  await expect(flowEditor.node(flow.stepNodeId)).toBeVisible();
  await expect(page.getByText('Loading flow…')).toHaveCount(0);
});

test('browser Back into the flow just left shows it', async ({ page, api, flowsPage, flowEditor }) => {
  const flow = await api.createHttpFlow(uniqueName('Back flow'), { name: 'Call', endpointId: null });
  await flowsPage.goto();
  await flowsPage.openFlow(flow.name);
  await expect(flowEditor.node(flow.triggerNodeId)).toBeVisible();

  await flowsPage.openFromNavigation();
  await page.goBack();
  await flowEditor.expectLoaded();
  await expect(flowEditor.node(flow.triggerNodeId)).toBeVisible();
});

test('Integration Builder and Back into the flow just left shows it', async ({ page, api, flowEditor }) => {
  const flow = await api.createHttpFlow(uniqueName('Builder and back'), { name: 'Call', endpointId: null });
  await flowEditor.goto(flow.id);
  await expect(flowEditor.node(flow.stepNodeId)).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integration Builder', exact: true }).click();
  await expect(page).toHaveURL(/\/integration-builder$/);
  await page.goBack();
  await flowEditor.expectLoaded();
  await expect(flowEditor.node(flow.stepNodeId)).toBeVisible();
});
