import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

test('edits save by themselves about a second later, and undo still works across the save', async ({ page, api, flowEditor }) => {
  const flow = await api.createHttpFlow(uniqueName('Autosaved'), { name: 'Call', endpointId: null });
  await flowEditor.goto(flow.id);
  await flowEditor.select(flow.stepNodeId);
  await flowEditor.paletteItem('find-user').press('Enter');
  await expect(flowEditor.nodes).toHaveCount(3);
  await expect(flowEditor.unsavedState).toBeVisible();
  await flowEditor.expectAutosaved();
  expect((await api.getFlow(flow.id)).stepNames).toContain('Find User');

  // The undo history is the editor's own: a save does not clear it.
  await flowEditor.toolbarButton('Undo').click();
  await expect(flowEditor.nodes).toHaveCount(2);
  await flowEditor.expectAutosaved();
  expect((await api.getFlow(flow.id)).stepNames).not.toContain('Find User');
  await flowEditor.toolbarButton('Redo').click();
  await expect(flowEditor.nodes).toHaveCount(3);
  await flowEditor.expectAutosaved();

  await page.reload();
  await flowEditor.expectLoaded();
  await expect(flowEditor.nodes).toHaveCount(3);
});

test('Ctrl+S saves at once, without waiting for the autosave pause', async ({ page, api, flowEditor }) => {
  const flow = await api.createHttpFlow(uniqueName('Saved now'), { name: 'Call', endpointId: null });
  await flowEditor.goto(flow.id);
  await flowEditor.select(flow.stepNodeId);
  await flowEditor.stepNameField.fill('Renamed now');
  const sent = page.waitForRequest((request) => request.url().includes('flows.save'));
  const pressedAt = Date.now();
  await page.keyboard.press('Control+s');
  await sent;
  // The autosave would wait a second after the last edit; Ctrl+S does not.
  expect(Date.now() - pressedAt).toBeLessThan(800);
  await flowEditor.expectAutosaved();
  expect((await api.getFlow(flow.id)).stepNames).toContain('Renamed now');
});

test('a save that meets a newer version offers both choices and loses nothing', async ({ api, flowEditor }) => {
  const flow = await api.createHttpFlow(uniqueName('Edited twice'), { name: 'Call', endpointId: null });
  await flowEditor.goto(flow.id);

  // Someone else saves first; our next edit then conflicts.
  const theirs = await api.getFlow(flow.id);
  await api.saveOver(flow.id, { ...theirs.graph, nodes: theirs.graph.nodes.map((n) => (n.id === flow.stepNodeId ? { ...n, data: { ...n.data, name: 'Theirs' } } : n)) });
  await flowEditor.select(flow.triggerNodeId);
  await flowEditor.paletteItem('find-user').press('Enter');
  await expect(flowEditor.conflictBanner).toBeVisible({ timeout: 15_000 });
  await expect(flowEditor.unsavedState).toBeVisible();

  // Reload theirs: their rename shows, and Undo brings back what was here.
  await flowEditor.reloadTheirs();
  await expect(flowEditor.node(flow.stepNodeId)).toContainText('Theirs');
  await expect(flowEditor.nodeNamed('Find User')).toHaveCount(0);
  await flowEditor.toolbarButton('Undo').click();
  await expect(flowEditor.nodeNamed('Find User')).toHaveCount(1);

  // Theirs is now the base version, so my restored change autosaves without a conflict.
  await flowEditor.expectAutosaved();
  expect((await api.getFlow(flow.id)).stepNames).toContain('Find User');

  // Another editor saves again; this time overwrite with mine.
  const again = await api.getFlow(flow.id);
  const finders = new Set(again.graph.nodes.filter((n) => n.type === 'find-user').map((n) => n.id));
  await api.saveOver(flow.id, {
    nodes: again.graph.nodes.filter((n) => !finders.has(n.id)),
    edges: again.graph.edges.filter((e) => !finders.has(e.target)),
  });
  await flowEditor.select(flow.triggerNodeId);
  await flowEditor.stepNameField.fill('My trigger');
  await expect(flowEditor.conflictBanner).toBeVisible({ timeout: 15_000 });
  await flowEditor.overwriteWithMine();
  await flowEditor.expectAutosaved();
  const stored = await api.getFlow(flow.id);
  expect(stored.stepNames).toContain('My trigger');
  expect(stored.stepNames).toContain('Find User');
});
