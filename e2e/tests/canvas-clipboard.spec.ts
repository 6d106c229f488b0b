import { expect, test } from '../fixtures';
import type { TestGraph } from '../support/flowyard-api';
import { uniqueName } from '../support/unique-name';

const httpStep = (id: string, name: string, endpointId: string, y: number, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'http-request',
  position: { x: 0, y },
  data: { name, config: { endpointId, method: 'POST', path: '/items', headers: [], body: '', autoEncodeURI: true, timeoutMs: 10_000, ...extra } },
});

test('copies steps with Ctrl+C and pastes them with Ctrl+V, here and into another flow, settings and references kept', async ({
  page,
  api,
  flowEditor,
  target,
}) => {
  const endpoint = await api.createEndpoint({ name: uniqueName('Copy API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const graph: TestGraph = {
    nodes: [
      { id: 'trigger-1', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual Trigger', config: { testPayload: '{}' } } },
      httpStep('fetch-1', 'Fetch', endpoint.id, 160),
      httpStep('post-1', 'Post', endpoint.id, 320, { body: '{"n": "{{Fetch.status}}"}' }),
    ],
    edges: [
      { id: 'e1', source: 'trigger-1', target: 'fetch-1', sourceHandle: null },
      { id: 'e2', source: 'fetch-1', target: 'post-1', sourceHandle: null },
    ],
  };
  const flow = await api.createFlowWithGraph(uniqueName('Copied from'), graph);
  await flowEditor.goto(flow.id);

  // Select two steps (Ctrl+click adds to the selection) and copy them.
  await flowEditor.select('fetch-1');
  await flowEditor.node('post-1').click({ position: { x: 20, y: 12 }, modifiers: ['Control'] });
  await expect(flowEditor.selectedNodes).toHaveCount(2);
  await page.keyboard.press('Control+c');
  await expect(page.getByRole('status').filter({ hasText: '2 steps copied' })).toBeVisible();

  // Paste where the pointer is: new names, the reference between them follows, one connection.
  const there = await flowEditor.pointOnPane({ x: 60, y: 40 });
  await page.mouse.move(there.x, there.y);
  await page.keyboard.press('Control+v');
  await expect(flowEditor.nodes).toHaveCount(5);
  await expect(flowEditor.edges).toHaveCount(3);
  await expect(flowEditor.selectedNodes).toHaveCount(2);
  await expect(flowEditor.nodeNamed('Fetch 2')).toBeVisible();
  await flowEditor.expectAutosaved();
  const stored = await api.getFlow(flow.id);
  const pasted = stored.graph.nodes.filter((n) => n.data.name === 'Fetch 2' || n.data.name === 'Post 2');
  expect(pasted.map((n) => n.data.config.endpointId)).toEqual([endpoint.id, endpoint.id]);
  expect(pasted.find((n) => n.data.name === 'Post 2')?.data.config.body).toBe('{"n": "{{Fetch 2.status}}"}');
  expect(pasted.find((n) => n.data.name === 'Fetch 2')?.data.config.path).toBe('/items');

  // Into another flow: names are free there, so they stay.
  const other = await api.createFlow(uniqueName('Pasted into'));
  await flowEditor.goto(other.id);
  await flowEditor.pane.click({ position: { x: 200, y: 150 } });
  await page.keyboard.press('Control+v');
  await expect(flowEditor.nodes).toHaveCount(2);
  await expect(flowEditor.edges).toHaveCount(1);
  await flowEditor.expectAutosaved();
  const into = await api.getFlow(other.id);
  expect(into.stepNames.sort()).toEqual(['Fetch', 'Post']);
  expect(into.graph.nodes.every((n) => n.data.config.endpointId === endpoint.id)).toBe(true);
});

test('cut removes the steps and paste brings them back; text that is not steps pastes nothing', async ({ page, api, flowEditor }) => {
  const flow = await api.createHttpFlow(uniqueName('Cut flow'), { name: 'Call', endpointId: null });
  await flowEditor.goto(flow.id);
  await flowEditor.select(flow.stepNodeId);
  await page.keyboard.press('Control+x');
  await expect(flowEditor.nodes).toHaveCount(1);
  await expect(flowEditor.edges).toHaveCount(0);
  await page.keyboard.press('Control+v');
  await expect(flowEditor.nodes).toHaveCount(2);
  await expect(flowEditor.nodeNamed('Call')).toBeVisible();

  // Plain text on the clipboard is not steps.
  await page.evaluate(() => {
    document.addEventListener('copy', (event) => {
      event.clipboardData?.setData('text/plain', 'just some text');
      event.preventDefault();
    }, { once: true, capture: true });
  });
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to paste' })).toBeVisible();
  await expect(flowEditor.nodes).toHaveCount(2);
});
