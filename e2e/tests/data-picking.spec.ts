import { expect, test } from '../fixtures';
import { AvailableDataPanel } from '../pages/AvailableDataPanel';
import { uniqueName } from '../support/unique-name';

// A list longer than one page of the tree (50), whose items nest objects with awkward keys.
const orders = Array.from({ length: 60 }, (_, i) => ({
  id: `o-${i}`,
  customer: { 'first name': i === 0 ? 'Ann' : `Customer ${i}`, 'ref.code': `RC-${i}` },
}));

test('Available data picks a nested field of the last run; the URL preview and the next run resolve it', async ({
  page,
  api,
  flowEditor,
  activity,
  target,
}) => {
  target.json('GET', '/api/orders', { orders, meta: { count: orders.length } });
  target.json('GET', '/api/customers/RC-0', { ok: true });
  const endpoint = await api.createEndpoint({ name: uniqueName('Orders API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  // Step names with spaces and dots, as people write them.
  const listStep = 'List orders v1.2';
  const customerStep = 'Get customer';
  const http = (id: string, name: string, path: string, y: number) => ({
    id,
    type: 'http-request',
    position: { x: 120, y },
    data: { name, config: { endpointId: endpoint.id, method: 'GET', path, headers: [], body: '', autoEncodeURI: true, timeoutMs: 10_000 } },
  });
  const flow = await api.createFlowWithGraph(uniqueName('Pick data'), {
    nodes: [
      { id: 'trigger-1', type: 'manual-trigger', position: { x: 120, y: 40 }, data: { name: 'Manual Trigger', config: { testPayload: '{}' } } },
      http('list-1', listStep, '/api/orders', 220),
      http('customer-1', customerStep, '/api/customers/', 400),
    ],
    edges: [
      { id: 'e1', source: 'trigger-1', target: 'list-1', sourceHandle: null },
      { id: 'e2', source: 'list-1', target: 'customer-1', sourceHandle: null },
    ],
  });
  const data = new AvailableDataPanel(page);

  // Before any run: the declared outputs, and the URL as it stands.
  await flowEditor.goto(flow.id, 'customer-1');
  await expect(data.root).toContainText('No run yet');
  await expect(data.field(`${listStep}.body`)).toBeVisible();
  await expect(data.requestUrl).toHaveText(`${target.baseUrl}/api/customers/`);

  // After a run, the fields of the list step's output (recorded by that run) show as a tree.
  await flowEditor.run('{}');
  await activity.openLatestRun(/succeeded/i);
  await expect(data.root).toContainText('Fields from the last run');
  await expect(data.field(`${listStep}.status`)).toBeVisible();
  await expect(data.field(`${listStep}.body.meta.count`)).toBeVisible();
  // Depth 3 starts closed; a long list shows its first 50 items and "more".
  await expect(data.field(`${listStep}.body.orders[0]`)).toBeVisible();
  await expect(data.field(`${listStep}.body.orders[49]`)).toBeVisible();
  await expect(data.field(`${listStep}.body.orders[50]`)).toHaveCount(0);
  await expect(data.field(`${listStep}.body.orders[0].id`)).toHaveCount(0);
  await data.showMore.click();
  await expect(data.field(`${listStep}.body.orders[59]`)).toBeVisible();
  await expect(data.showMore).toHaveCount(0);

  // Pick a nested key with a dot in it into the path, at the cursor.
  await data.expand(`${listStep}.body.orders[0]`);
  await data.expand(`${listStep}.body.orders[0].customer`);
  const picked = `${listStep}.body.orders[0].customer["ref.code"]`;
  await flowEditor.insertReference(flowEditor.pathField, picked);
  await expect(flowEditor.pathField).toHaveValue(`/api/customers/{{${picked}}}`);
  await expect(flowEditor.invalidReferenceBadge('customer-1')).toHaveCount(0);
  // The preview fills it from the last run, joined as the engine joins it.
  await expect(data.requestUrl).toHaveText(`${target.baseUrl}/api/customers/RC-0`);
  await expect(data.unresolvedInUrl).toHaveCount(0);

  // A reference the run has no value for stays as written, highlighted.
  await flowEditor.pathField.fill(`/api/customers/{{${picked}}}/{{${listStep}.body.missing}}`);
  await expect(data.requestUrl).toHaveText(`${target.baseUrl}/api/customers/RC-0/{{${listStep}.body.missing}}`);
  await expect(data.unresolvedInUrl).toHaveText(`{{${listStep}.body.missing}}`);
  await flowEditor.pathField.fill(`/api/customers/{{${picked}}}`);

  // Search matches keys and values, keeps the ancestors of matches, and highlights.
  await data.search.fill('rc-0');
  await expect(data.field(picked)).toBeVisible();
  await expect(data.field(`${listStep}.body.orders[0].customer`)).toBeVisible();
  await expect(data.field(`${listStep}.body.orders[1]`)).toHaveCount(0);
  await expect(data.field(`${listStep}.status`)).toHaveCount(0);
  await expect(data.highlights.first()).toHaveText(/rc-0/i);
  await data.search.fill('first name');
  await expect(data.field(`${listStep}.body.orders[0].customer.first name`)).toBeVisible();
  // Matches in a long list are paged too.
  await expect(data.field(`${listStep}.body.orders[49].customer.first name`)).toBeVisible();
  await expect(data.field(`${listStep}.body.orders[50].customer.first name`)).toHaveCount(0);
  await data.showMore.click();
  await expect(data.field(`${listStep}.body.orders[59].customer.first name`)).toBeVisible();
  await data.search.fill('');
  await expect(data.field(`${listStep}.status`)).toBeVisible();

  // The next run resolves the picked reference to the same value.
  await flowEditor.save();
  await flowEditor.run('{}');
  await activity.openLatestRun(/succeeded/i);
  await activity.openStep(customerStep, /succeeded/i);
  await expect(activity.section('HTTP')).toContainText(`${target.baseUrl}/api/customers/RC-0`);
  expect(target.requestsTo('GET', '/api/customers/RC-0')).toHaveLength(1);
});
