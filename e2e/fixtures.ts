import { test as base } from '@playwright/test';
import { startMockProviders, type MockProviders } from './mocks/providers/start-mock-providers';
import { MockTarget } from './mocks/target-server';
import { ActivityPanel } from './pages/ActivityPanel';
import { EndpointDialog } from './pages/EndpointDialog';
import { EndpointsPage } from './pages/EndpointsPage';
import { FlowEditor } from './pages/FlowEditor';
import { FlowsPage } from './pages/FlowsPage';
import { FlowyardApi } from './support/flowyard-api';

interface Fixtures {
  /** A fresh mock target API for this test, closed afterwards. */
  target: MockTarget;
  /**
   * Fresh mock auth providers for this test (OAuth2, Salesforce, Remedy, ServiceNow… with their
   * request log), for endpoints whose URLs a test sets. Slack and Microsoft sign-in go through the
   * server's own providers instead: support/server-providers.ts.
   */
  providers: MockProviders;
  /** Seeds endpoints and flows through the app's tRPC API. */
  api: FlowyardApi;
  endpointsPage: EndpointsPage;
  endpointDialog: EndpointDialog;
  flowsPage: FlowsPage;
  flowEditor: FlowEditor;
  activity: ActivityPanel;
}

export const test = base.extend<Fixtures>({
  target: async ({}, use) => {
    const target = await MockTarget.start();
    await use(target);
    await target.close();
  },
  providers: async ({}, use) => {
    const providers = await startMockProviders();
    await use(providers);
    await providers.close();
  },
  api: async ({ request }, use) => {
    await use(new FlowyardApi(request));
  },
  endpointsPage: async ({ page }, use) => {
    await use(new EndpointsPage(page));
  },
  endpointDialog: async ({ page }, use) => {
    await use(new EndpointDialog(page));
  },
  flowsPage: async ({ page }, use) => {
    await use(new FlowsPage(page));
  },
  flowEditor: async ({ page }, use) => {
    await use(new FlowEditor(page));
  },
  activity: async ({ page }, use) => {
    await use(new ActivityPanel(page));
  },
});

export { expect } from '@playwright/test';
