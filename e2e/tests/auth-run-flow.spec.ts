import type { Locator } from '@playwright/test';
import { mockCredentials, type MockProviders } from '../mocks/providers/start-mock-providers';
import { expect, test } from '../fixtures';
import type { ActivityPanel } from '../pages/ActivityPanel';
import type { EndpointsPage } from '../pages/EndpointsPage';
import type { FlowEditor } from '../pages/FlowEditor';
import type { TestAuth } from '../support/flowyard-api';
import { serverProviders } from '../support/server-providers';
import { uniqueName } from '../support/unique-name';

// A flow whose HTTP Request step uses an authenticated endpoint: the engine adds the credentials,
// and the Activity panel shows the exchange with them redacted.

interface Case {
  title: string;
  endpoint(providers: MockProviders): { baseUrl: string; auth: TestAuth };
  path: string;
  /** Where the request must have gone (Salesforce rewrites to the token's instance_url). */
  expectedUrl(providers: MockProviders): string;
  /** What the target's answer holds. */
  responseText: string;
}

const cases: Case[] = [
  {
    title: 'OAuth2 (password grant)',
    endpoint: (p) => ({ baseUrl: p.oauth2.apiUrl, auth: { type: 'oauth2', tokenUrl: p.oauth2.tokenUrl, ...mockCredentials.oauth2 } }),
    path: '/orders',
    expectedUrl: (p) => `${p.oauth2.apiUrl}/orders`,
    responseText: mockCredentials.oauth2.username,
  },
  {
    title: 'OAuth2 (Salesforce)',
    endpoint: (p) => ({
      baseUrl: 'https://example.my.salesforce.com',
      auth: { type: 'salesforce', tokenUrl: p.salesforce.tokenUrl, ...mockCredentials.salesforce },
    }),
    path: '/services/data/v60.0/query?q=SELECT+Name+FROM+Account',
    expectedUrl: (p) => `${p.salesforce.instanceUrl}/services/data/v60.0/query?q=SELECT+Name+FROM+Account`,
    responseText: 'Mock Account',
  },
  {
    title: 'BMC Remedy token',
    endpoint: (p) => ({ baseUrl: p.remedy.baseUrl, auth: { type: 'remedy', ...mockCredentials.remedy } }),
    path: '/api/arsys/v1/entry/HPD:Help Desk',
    expectedUrl: (p) => `${p.remedy.baseUrl}/api/arsys/v1/entry/HPD:Help%20Desk`,
    responseText: 'INC000000000001',
  },
  {
    title: 'ServiceNow',
    endpoint: (p) => ({ baseUrl: p.servicenow.baseUrl, auth: { type: 'servicenow', ...mockCredentials.servicenow } }),
    path: '/api/now/table/incident',
    expectedUrl: (p) => `${p.servicenow.baseUrl}/api/now/table/incident`,
    responseText: 'INC0000001',
  },
];

async function runAndOpenStep(flowEditor: FlowEditor, activity: ActivityPanel, flowId: string, stepName: string): Promise<Locator> {
  await flowEditor.goto(flowId);
  await flowEditor.openRunDialog();
  await flowEditor.submitRun('{}');
  await activity.openLatestRun(/succeeded/i);
  await activity.openStep(stepName, /succeeded/i);
  // Token requests (when shown) come first; the step's own request is the last exchange.
  return activity.section('HTTP').getByRole('article').last();
}

function requestHeader(exchange: Locator, name: string): Locator {
  return exchange
    .getByLabel('Request headers', { exact: true })
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${name}$`, 'i') })
    .locator('xpath=following-sibling::dd[1]');
}

for (const c of cases) {
  test(`${c.title}: a flow step carries the credentials, redacted in the Activity panel`, async ({
    api,
    flowEditor,
    activity,
    providers,
  }) => {
    const endpoint = await api.createEndpoint({ name: uniqueName(c.title), ...c.endpoint(providers) });
    const flow = await api.createHttpFlow(uniqueName(`Run ${c.title}`), { name: 'Call API', endpointId: endpoint.id, path: c.path });
    const request = await runAndOpenStep(flowEditor, activity, flow.id, flow.stepName);
    await expect(request).toContainText(c.expectedUrl(providers));
    await expect(request).toContainText('200');
    await expect(request.getByLabel('Response body', { exact: true })).toContainText(c.responseText);
    await expect(requestHeader(request, 'authorization')).toHaveText('[redacted]');
    const { auth } = c.endpoint(providers);
    if ('password' in auth) await expect(activity.root).not.toContainText(auth.password);
  });
}

test('Microsoft Graph: a connected endpoint adds its token to a flow step, redacted', async ({ api, endpointsPage, flowEditor, activity }) => {
  const name = uniqueName('Graph run');
  const endpoint = await api.createEndpoint({ name, baseUrl: serverProviders().graphUrl, auth: { type: 'msgraph' } });
  await connect(endpointsPage, name);
  const flow = await api.createHttpFlow(uniqueName('Run Graph'), { name: 'Who am I', endpointId: endpoint.id, path: '/v1.0/me' });
  const request = await runAndOpenStep(flowEditor, activity, flow.id, flow.stepName);
  await expect(request).toContainText(`${serverProviders().graphUrl}/v1.0/me`);
  await expect(request.getByLabel('Response body', { exact: true })).toContainText(mockCredentials.microsoft.userPrincipalName);
  await expect(requestHeader(request, 'authorization')).toHaveText('[redacted]');
});

test('Slack: without http.authenticate a flow step goes unauthenticated', async ({ api, endpointsPage, flowEditor, activity }) => {
  const name = uniqueName('Slack run');
  const endpoint = await api.createEndpoint({ name, baseUrl: serverProviders().slackApiUrl, auth: { type: 'slack' } });
  await connect(endpointsPage, name);
  const flow = await api.createHttpFlow(uniqueName('Run Slack'), { name: 'Auth test', endpointId: endpoint.id, path: '/auth.test' });
  const request = await runAndOpenStep(flowEditor, activity, flow.id, flow.stepName);
  await expect(request.getByLabel('Response body', { exact: true })).toContainText('not_authed');
  await expect(requestHeader(request, 'authorization')).toHaveCount(0);
});

/** Connects a stored Slack or Graph endpoint through the popup (the server's mock providers). */
async function connect(endpointsPage: EndpointsPage, name: string): Promise<void> {
  await endpointsPage.goto();
  const dialog = await endpointsPage.open(name);
  await dialog.connectThroughPopup();
  await expect(dialog.root.getByText(/^Connected as /)).toBeVisible();
  await dialog.close();
}
