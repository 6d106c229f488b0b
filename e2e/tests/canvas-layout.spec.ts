import { expect, test } from '../fixtures';
import type { TestGraph } from '../support/flowyard-api';
import { uniqueName } from '../support/unique-name';

const finder = (id: string, name: string, x: number, y: number) => ({ id, type: 'find-user', position: { x, y }, data: { name, config: { search: 'ann' } } });

test('Tidy up lays the steps out top to bottom, and one Undo puts them back', async ({ page, api, flowEditor }) => {
  const graph: TestGraph = {
    nodes: [
      { id: 'trigger-1', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual Trigger', config: { testPayload: '{}' } } },
      finder('a', 'Find A', 500, -200),
      finder('b', 'Find B', -300, 40),
    ],
    edges: [
      { id: 'e1', source: 'trigger-1', target: 'a', sourceHandle: null },
      { id: 'e2', source: 'a', target: 'b', sourceHandle: null },
    ],
  };
  const flow = await api.createFlowWithGraph(uniqueName('Messy flow'), graph);
  await flowEditor.goto(flow.id);
  await page.getByRole('button', { name: 'Tidy up', exact: true }).click();
  await flowEditor.expectAutosaved();
  const tidy = await api.getFlow(flow.id);
  const at = (id: string) => tidy.graph.nodes.find((n) => n.id === id)?.position ?? { x: NaN, y: NaN };
  expect(at('trigger-1')).toEqual({ x: 0, y: 0 });
  expect(at('a').y).toBeGreaterThan(at('trigger-1').y);
  expect(at('b').y).toBeGreaterThan(at('a').y);
  expect(at('a').x).toBe(at('trigger-1').x);

  await flowEditor.toolbarButton('Undo').click();
  await flowEditor.expectAutosaved();
  const back = await api.getFlow(flow.id);
  expect(back.graph.nodes.map((n) => n.position)).toEqual(graph.nodes.map((n) => n.position));
});

test('a note is resized by dragging its corner, and saved with the flow', async ({ page, api, flowEditor }) => {
  const flow = await api.createFlowWithGraph(uniqueName('Noted flow'), {
    nodes: [finder('a', 'Find A', 0, 0)],
    edges: [],
    notes: [{ id: 'note-1', position: { x: 300, y: 0 }, width: 200, height: 100, text: '**Remember** the limits' }],
  });
  await flowEditor.goto(flow.id);
  const note = flowEditor.notes.first();
  await expect(note.locator('strong')).toHaveText('Remember');
  await note.click({ position: { x: 10, y: 10 } });
  const corner = page.locator('.react-flow__resize-control.handle.bottom.right');
  const box = await corner.boundingBox();
  const before = await note.boundingBox();
  if (!box || !before) throw new Error('no resize handle');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 40, box.y + 30, { steps: 4 });
  await page.mouse.move(box.x + 80, box.y + 60, { steps: 4 });
  await page.mouse.up();
  const after = await note.boundingBox();
  expect(after?.width ?? 0).toBeGreaterThan(before.width + 40);
  await flowEditor.expectAutosaved();
  const stored = await api.getFlow(flow.id);
  const saved = stored.graph.notes?.[0];
  expect(Number(saved?.width)).toBeGreaterThan(200);
  expect(saved?.text).toBe('**Remember** the limits');
  // Notes are not steps: nothing else changed.
  expect(stored.stepNames).toEqual(['Find A']);
});

test('the overview map never covers a step after fitting the view, and hiding it is remembered', async ({ page, api, flowEditor }) => {
  // A wide flow: its right-most step would sit under the map without the extra room.
  const nodes = Array.from({ length: 6 }, (_, i) => finder(`s${i}`, `Find ${i}`, i * 260, i % 2 === 0 ? 0 : 400));
  const flow = await api.createFlowWithGraph(uniqueName('Wide flow'), { nodes, edges: [] });
  await flowEditor.goto(flow.id);
  await expect(flowEditor.overviewMap).toBeVisible();
  const map = await flowEditor.overviewMap.boundingBox();
  if (!map) throw new Error('no map');
  for (const node of await flowEditor.nodes.all()) {
    const box = await node.boundingBox();
    if (!box) continue;
    const overlaps = box.x < map.x + map.width && box.x + box.width > map.x && box.y < map.y + map.height && box.y + box.height > map.y;
    expect(overlaps, `step ${await node.getAttribute('data-testid')} under the map`).toBe(false);
  }

  await page.getByRole('button', { name: 'Hide overview map', exact: true }).click();
  await expect(flowEditor.overviewMap).toHaveCount(0);
  await page.reload();
  await flowEditor.expectLoaded();
  await expect(flowEditor.overviewMap).toHaveCount(0);
  await page.getByRole('button', { name: 'Show overview map', exact: true }).click();
  await expect(flowEditor.overviewMap).toBeVisible();
});
