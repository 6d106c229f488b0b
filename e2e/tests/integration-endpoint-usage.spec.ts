import { expect, test } from '../fixtures';
import { IntegrationEditor } from '../pages/IntegrationEditor';
import { RenameScriptsAlert } from '../pages/RenameScriptsAlert';
import { IntegrationsApi } from '../support/integrations-api';
import { uniqueName } from '../support/unique-name';

test('an endpoint’s Usage lists the integration whose script names it, links to it, renaming updates its script, and the endpoint cannot be deleted', async ({
  page,
  api,
  endpointsPage,
  endpointDialog,
  target,
}) => {
  const integrationsApi = new IntegrationsApi(page.request);
  const workflowId = await api.defaultWorkflowId();
  const endpoint = await api.createEndpoint({ name: uniqueName('Tickets'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const name = uniqueName('Tickets in');
  const integration = await integrationsApi.create(workflowId, {
    kind: 'inbound',
    name,
    auth: { type: 'apiKey' },
    script: `var resp = http.request({ endpoint: ${JSON.stringify(endpoint.name)}, method: 'POST', path: '/tickets' }).write(request.body);\nresponse.status = resp.statusCode;`,
  });

  await endpointsPage.goto();
  await expect(endpointsPage.item(endpoint.name)).toContainText('Used in 1 place');
  await endpointsPage.open(endpoint.name);
  await endpointDialog.openUsage();
  const link = endpointDialog.root.getByRole('list', { name: 'Integration usage' }).getByRole('link', { name, exact: true });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(`/integration-builder/integrations/${integration.id}`);
  const editor = new IntegrationEditor(page);
  await editor.expectLoaded(name);

  // Renaming the endpoint asks about the integration's script and rewrites its literal.
  const renamed = uniqueName('Tickets v2');
  await endpointsPage.goto();
  await endpointsPage.open(endpoint.name);
  await endpointDialog.nameField.fill(renamed);
  await endpointDialog.save();
  const alert = new RenameScriptsAlert(page);
  await expect(alert.scripts).toHaveText([name]);
  await alert.choose('Update scripts');
  await expect(endpointDialog.root).toBeHidden();
  await page.goto(`/integration-builder/integrations/${integration.id}`);
  await editor.expectLoaded(name);
  await expect.poll(() => editor.scriptText()).toContain(`endpoint: ${JSON.stringify(renamed)}`);

  // While the script names it, the endpoint cannot be deleted; the refusal links to the integration.
  await endpointsPage.goto();
  await endpointsPage.requestDelete(renamed);
  await endpointsPage.expectDeleteRefused();
  await expect(endpointsPage.deleteAlert).toContainText('1 integration');
  await expect(endpointsPage.deleteAlert.getByRole('link', { name, exact: true })).toBeVisible();
  await endpointsPage.cancelDelete();
  await expect(endpointsPage.item(renamed)).toBeVisible();
});
