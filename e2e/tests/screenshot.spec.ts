import { resolve } from 'node:path';
import { expect, test } from '../fixtures';
import { AppShell } from '../pages/AppShell';

// Opt-in: `pnpm --filter @flowyard/e2e screenshot` refreshes the README's picture.
test.skip(process.env.FLOWYARD_SCREENSHOT !== '1', 'writes docs/screenshot-canvas(-dark).png only when FLOWYARD_SCREENSHOT=1');

test('saves screenshots of the canvas with a finished run, light and dark', async ({ page, api, flowEditor, activity, target }, testInfo) => {
  target.json('GET', '/api/items', {
    items: [
      { id: 101, sku: 'WIDGET-RED', stock: 42 },
      { id: 102, sku: 'WIDGET-BLUE', stock: 7 },
    ],
  });
  const endpoint = await api.createEndpoint({ name: 'Inventory API', baseUrl: target.baseUrl, auth: { type: 'none' } });
  const flow = await api.createHttpFlow('Sync inventory', { name: 'Fetch stock levels', endpointId: endpoint.id, path: '/api/items' });

  await page.setViewportSize({ width: 1400, height: 900 });
  await flowEditor.goto(flow.id);
  await flowEditor.run('{"warehouse": "north"}');
  await activity.openLatestRun(/succeeded/i);
  await activity.openStep(flow.stepName, /succeeded/i);
  await flowEditor.expectNodeStatus(flow.stepNodeId, 'succeeded');
  await expect(activity.body('Response body')).toContainText('WIDGET-RED');
  // Show the step's settings beside the canvas and the HTTP exchange in the details.
  await flowEditor.select(flow.stepNodeId);
  await activity.section('HTTP').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // Let the canvas settle (fitView animation, edge rendering) before the picture.
  await page.waitForTimeout(500);

  const docs = resolve(testInfo.project.testDir, '../../docs');
  const shell = new AppShell(page);
  await shell.chooseTheme('Light');
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(docs, 'screenshot-canvas.png'), fullPage: false });
  await shell.chooseTheme('Dark');
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(docs, 'screenshot-canvas-dark.png'), fullPage: false });
});
