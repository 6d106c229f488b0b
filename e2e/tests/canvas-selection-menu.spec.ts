import { expect, test } from '../fixtures';
import type { TestGraph } from '../support/flowyard-api';
import { uniqueName } from '../support/unique-name';

const finder = (id: string, name: string, x: number, y: number) => ({ id, type: 'find-user', position: { x, y }, data: { name, config: { search: 'ann' } } });

const threeSteps: TestGraph = {
  nodes: [finder('a', 'Find A', 0, 0), finder('b', 'Find B', 320, 0), finder('c', 'Find C', 0, 260)],
  edges: [],
};

test('Shift+drag selects the steps inside the box; Ctrl+D duplicates them; Ctrl+A selects all', async ({ page, api, flowEditor }) => {
  const flow = await api.createFlowWithGraph(uniqueName('Box select'), threeSteps);
  await flowEditor.goto(flow.id);

  // A box around the two steps of the top row only.
  const a = await flowEditor.node('a').boundingBox();
  const b = await flowEditor.node('b').boundingBox();
  const pane = await flowEditor.pane.boundingBox();
  if (!a || !b || !pane) throw new Error('no boxes');
  await flowEditor.boxSelect({ x: a.x - pane.x - 20, y: a.y - pane.y - 20 }, { x: b.x + b.width - pane.x + 20, y: b.y + b.height - pane.y + 20 });
  await expect(flowEditor.selectedNodes).toHaveCount(2);
  await expect(flowEditor.node('c')).not.toHaveClass(/selected/);

  await page.keyboard.press('Control+d');
  await expect(flowEditor.nodes).toHaveCount(5);
  await expect(flowEditor.nodeNamed('Find A 2')).toBeVisible();
  await expect(flowEditor.nodeNamed('Find B 2')).toBeVisible();
  await expect(flowEditor.selectedNodes).toHaveCount(2);

  await page.keyboard.press('Control+a');
  await expect(flowEditor.selectedNodes).toHaveCount(5);
  // One undo step took the duplicates away.
  await page.keyboard.press('Escape');
  await flowEditor.toolbarButton('Undo').click();
  await expect(flowEditor.nodes).toHaveCount(3);
});

test('the right-click menu copies, pastes, duplicates and deletes steps, and adds notes on the canvas', async ({ page, context, api, flowEditor }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const flow = await api.createFlowWithGraph(uniqueName('Context menu'), threeSteps);
  await flowEditor.goto(flow.id);

  await flowEditor.stepMenu(flowEditor.node('a'), 'Duplicate');
  await expect(flowEditor.nodeNamed('Find A 2')).toBeVisible();

  await flowEditor.stepMenu(flowEditor.node('b'), 'Copy');
  await flowEditor.canvasMenu({ x: 40, y: 40 }, 'Paste');
  await expect(flowEditor.nodeNamed('Find B 2')).toBeVisible();
  await expect(flowEditor.nodes).toHaveCount(5);

  // Right-clicking a step outside the selection acts on that step alone.
  await flowEditor.stepMenu(flowEditor.node('c'), 'Delete');
  await expect(flowEditor.node('c')).toHaveCount(0);
  await expect(flowEditor.nodes).toHaveCount(4);

  await flowEditor.canvasMenu({ x: 420, y: 12 }, 'Add note');
  await expect(flowEditor.notes).toHaveCount(1);
  await page.getByRole('textbox', { name: 'Note text' }).fill('# Why\n- because');
  await flowEditor.pane.click({ position: { x: 5, y: 5 } });
  await expect(flowEditor.notes.first()).toContainText('Why');
  await expect(flowEditor.notes.first().locator('li')).toHaveText('because');
  await flowEditor.expectAutosaved();

  await page.reload();
  await flowEditor.expectLoaded();
  await expect(flowEditor.notes).toHaveCount(1);
  await expect(flowEditor.nodes).toHaveCount(4);
});
