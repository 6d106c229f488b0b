import { expect, test } from '../fixtures';
import type { TestGraph } from '../support/flowyard-api';
import { RenderCounter } from '../support/render-counter';
import { uniqueName } from '../support/unique-name';

/** Trigger → n−1 Find User steps chained on a grid (what canvas-bench.mjs seeds). */
function bigGraph(steps: number): TestGraph {
  const columns = Math.ceil(Math.sqrt(steps * 2));
  const nodes: TestGraph['nodes'] = [{ id: 's0', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual Trigger', config: { testPayload: '{}' } } }];
  const edges: TestGraph['edges'] = [];
  for (let i = 1; i < steps; i++) {
    nodes.push({ id: `s${i}`, type: 'find-user', position: { x: (i % columns) * 280, y: Math.floor(i / columns) * 140 }, data: { name: `Find ${i}`, config: { search: `{{trigger.body.q${i}}}` } } });
    edges.push({ id: `e${i}`, source: `s${i - 1}`, target: `s${i}`, sourceHandle: null });
  }
  return { nodes, edges };
}

const MOVES = 30;

test('dragging one step of a 300-step flow re-renders that step alone, on the canvas and on the overview map', async ({ page, api, flowEditor }) => {
  const flow = await api.createFlowWithGraph(uniqueName('Three hundred'), bigGraph(300));
  const counter = await RenderCounter.install(page);
  await flowEditor.goto(flow.id);
  // The overview map draws every step; the canvas only those in view.
  await expect(page.locator('.react-flow__minimap-node')).toHaveCount(300);
  await expect.poll(() => flowEditor.nodes.count()).toBeGreaterThan(10);
  expect(await flowEditor.nodes.count()).toBeLessThan(300);

  // Zoomed in far enough to grab a step, once the view has settled.
  const viewport = page.locator('.react-flow__viewport');
  const transform = () => viewport.evaluate((element) => (element instanceof HTMLElement ? element.style.transform : ''));
  await expect.poll(async () => (await transform()) === (await transform()) && (await transform()).includes('scale')).toBe(true);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.waitForTimeout(400);
  // A step wholly in view, clear of the overview map.
  const id = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (!pane) return null;
    const inside = [...document.querySelectorAll('[data-testid^="node-s"]')].find((element) => {
      const r = element.getBoundingClientRect();
      return r.left > pane.left + 40 && r.top > pane.top + 40 && r.right < pane.right - 250 && r.bottom < pane.bottom - 150;
    });
    return inside?.getAttribute('data-testid')?.replace(/^node-/, '') ?? null;
  });
  if (id === null) throw new Error('no step wholly in view');
  const step = flowEditor.node(id);
  const placeOf = () => step.evaluate((element) => (element instanceof HTMLElement ? element.style.transform : ''));
  const placed = await placeOf();
  const box = await step.boundingBox();
  if (!box) throw new Error(`step ${id} is not on screen`);
  const from = { x: box.x + 20, y: box.y + box.height / 3 };

  await counter.start();
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) await page.mouse.move(from.x + i * 4, from.y + i * 3);
  await page.mouse.up();
  await expect.poll(placeOf).not.toBe(placed);
  await flowEditor.expectAutosaved();
  const counts = await counter.stop();

  // The dragged step renders once or twice a move (its position, its selection); no other step renders at all.
  const others = (record: Record<string, number>) => Object.keys(record).filter((other) => other !== id);
  expect(others(counts.stepCards)).toEqual([]);
  expect(others(counts.mapNodes)).toEqual([]);
  expect(counts.stepCards[id] ?? 0).toBeGreaterThan(0);
  expect(counts.stepCards[id] ?? 0).toBeLessThanOrEqual(4 * (MOVES + 2));
  expect(counts.commits).toBeGreaterThan(0);
});

test('renaming one step of a 300-step flow re-renders that step alone, though every step’s references are checked again', async ({ page, api, flowEditor }) => {
  const flow = await api.createFlowWithGraph(uniqueName('Three hundred named'), bigGraph(300));
  const counter = await RenderCounter.install(page);
  await flowEditor.goto(flow.id, 's5');
  // Opened on a step, the view frames that step.
  await expect(flowEditor.node('s5')).toBeInViewport();
  await expect(flowEditor.stepNameField).toHaveValue('Find 5');

  await counter.start();
  await flowEditor.stepNameField.fill('Renamed five');
  await expect(flowEditor.node('s5')).toContainText('Renamed five');
  await flowEditor.expectAutosaved();
  const counts = await counter.stop();

  expect(Object.keys(counts.stepCards)).toEqual(['s5']);
  expect(Object.keys(counts.mapNodes).filter((id) => id !== 's5')).toEqual([]);
});
