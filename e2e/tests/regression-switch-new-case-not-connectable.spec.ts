import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

// Regression: right after "Add case" the new case's handle could not be connected (no line, no
// edge until a reload), and the default branch's edge was still drawn from where its handle had been.

test("a Switch's first case connects right after Add case, and the default edge follows its handle", async ({ page, api, flowEditor }) => {
  const step = (id: string, name: string, x: number, y: number) => ({
    id,
    type: 'find-user',
    position: { x, y },
    data: { name, config: { search: 'x' } },
  });
  const flow = await api.createFlowWithGraph(uniqueName('New case flow'), {
    nodes: [
      { id: 'trigger-1', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual Trigger', config: { testPayload: '{}' } } },
      { id: 'switch-1', type: 'switch', position: { x: 0, y: 160 }, data: { name: 'Route', config: { value: 'a', cases: [] } } },
      // Straight below the Switch: while it has no case its only handle (default) is centred above it.
      step('fallback-1', 'Fallback', 0, 360),
      step('case-1', 'Case step', -320, 360),
    ],
    edges: [
      { id: 'e-t', source: 'trigger-1', target: 'switch-1', sourceHandle: null },
      { id: 'e-default', source: 'switch-1', target: 'fallback-1', sourceHandle: 'default' },
    ],
  });
  await flowEditor.goto(flow.id);
  await flowEditor.select('switch-1');
  await flowEditor.addSwitchCase('a');
  await expect(flowEditor.branchHandle('switch-1', 'a')).toBeVisible();

  // The default handle moved right of centre; its edge must now start there.
  const handle = await flowEditor.branchHandle('switch-1', 'default').boundingBox();
  const path = await flowEditor.edgePath('e-default').boundingBox();
  if (!handle || !path) throw new Error('no box for the default handle or its edge');
  const handleX = handle.x + handle.width / 2;
  expect(handleX).toBeGreaterThanOrEqual(path.x - 2);
  expect(handleX).toBeLessThanOrEqual(path.x + path.width + 2);

  // No reload, no second case: the new handle connects with a real drag.
  await flowEditor.connectBranch('switch-1', 'a', 'case-1');
  await flowEditor.save();
  await page.reload();
  await flowEditor.expectLoaded();
  await expect(flowEditor.edges).toHaveCount(3);
});
