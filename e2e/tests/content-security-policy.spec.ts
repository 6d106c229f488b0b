import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from '@playwright/test';
import { mockCredentials } from '../mocks/providers/start-mock-providers';
import { expect, test } from '../fixtures';
import { EndpointDialog } from '../pages/EndpointDialog';
import { FlowEditor } from '../pages/FlowEditor';
import { SignInPage } from '../pages/SignInPage';
import { StepsLibraryPage } from '../pages/StepsLibraryPage';
import { adminAccount } from '../support/admin-account';
import { FlowyardApi } from '../support/flowyard-api';
import { serverProviders } from '../support/server-providers';
import { uniqueName } from '../support/unique-name';

// Starts signed out: the sign-in page is part of what must run under the policy.
test.use({ storageState: { cookies: [], origins: [] } });

/**
 * Collects every Content-Security-Policy violation in the context's pages, popups included: the
 * `securitypolicyviolation` events (reported through a binding, so a popup that closes itself
 * still tells) and Chromium's console lines about refused content.
 */
async function recordViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('__flowyardCspViolation', (_source, text: string) => void violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __flowyardCspViolation?: (text: string) => void }).__flowyardCspViolation;
      report?.(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.documentURI}`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

test('the app runs under its Content-Security-Policy: sign-in, a flow, the endpoint dialog, the script editor and the Connect popup', async ({ page, context }) => {
  const violations = await recordViolations(context);

  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(adminAccount.email, adminAccount.password);
  await signIn.expectSignedIn();
  const response = await page.request.get('/');
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'");

  // A flow on the canvas, with a step selected.
  const api = new FlowyardApi(page.request);
  const flow = await api.createHttpFlow(uniqueName('CSP flow'), { name: 'Fetch', endpointId: null, path: '/items' });
  const editor = new FlowEditor(page);
  await editor.goto(flow.id);
  await editor.expectLoaded();
  await editor.select(flow.stepNodeId);

  // The script editor (CodeMirror), typed into so that its completion pops up.
  const step = await api.createCustomStep({ name: uniqueName('CSP step'), outputs: [{ id: 'out', label: 'Out' }], script: '' });
  const library = new StepsLibraryPage(page);
  await library.goto();
  const stepEditor = await library.openStep(step.name);
  await expect(stepEditor.scriptEditor).toBeVisible({ timeout: 20_000 });
  await stepEditor.scriptEditor.click();
  await page.keyboard.type("output['Out'] = JSON.str");
  await expect.poll(() => stepEditor.scriptText()).toContain('JSON.str');

  // The endpoint dialog, and Slack's Connect popup through the provider back to the callback page.
  await page.goto('/integration-builder/endpoints');
  await page.getByRole('button', { name: 'Add Endpoint', exact: true }).click();
  const dialog = new EndpointDialog(page);
  await dialog.expectOpen('New Endpoint');
  await dialog.fill({ name: uniqueName('CSP Slack'), baseUrl: serverProviders().slackApiUrl, auth: { type: 'slack' } });
  await dialog.connectThroughPopup();
  await expect(dialog.root.getByText(/^Connected as /)).toContainText(mockCredentials.slack.userName);

  expect(violations).toEqual([]);
});

test('serves no source maps: the built JavaScript names none and /assets/*.map is not found', async ({ request }) => {
  const assets = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/web/dist/assets');
  const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  expect(readdirSync(assets).filter((file) => file.endsWith('.map'))).toEqual([]);
  for (const file of scripts) {
    expect(readFileSync(join(assets, file), 'utf8'), file).not.toContain('sourceMappingURL');
    const served = await request.get(`/assets/${file}`);
    expect(served.status()).toBe(200);
    expect(await served.text()).not.toContain('sourceMappingURL');
    expect((await request.get(`/assets/${file}.map`)).status()).toBe(404);
  }
});
