import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

// Regression: the first step dropped on an empty canvas jumped to the centre of the view (the
// canvas fitted the view around it) instead of staying under the pointer.

test('the first step dropped on an empty canvas stays where it was dropped', async ({ page, api, flowEditor }) => {
  const flow = await api.createFlow(uniqueName('Empty canvas'));
  await flowEditor.goto(flow.id);
  const drop = { x: 180, y: 140 };
  const id = await flowEditor.dragFromPalette('manual-trigger', drop);
  // Let the canvas settle: the jump happened a frame or two after the node appeared.
  await page.waitForTimeout(400);

  const pane = await flowEditor.pane.boundingBox();
  const node = await flowEditor.node(id).boundingBox();
  if (!pane || !node) throw new Error('no box for the pane or the node');
  // Centred under the pointer, at the zoom the empty canvas had.
  expect(Math.abs(node.x + node.width / 2 - (pane.x + drop.x))).toBeLessThan(12);
  expect(Math.abs(node.y + node.height / 2 - (pane.y + drop.y))).toBeLessThan(12);
});
