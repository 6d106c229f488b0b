import { expect, test } from '../fixtures';
import { StepsLibraryPage } from '../pages/StepsLibraryPage';
import { uniqueName } from '../support/unique-name';

// Regression: deleting an endpoint or custom step that is in use first asked "Delete … cannot be
// undone" and refused only after the confirm. The refusal, with its usage links, must come at once.

test('a used endpoint is refused at once with its usage; an unused one asks to confirm', async ({ api, endpointsPage, target }) => {
  const used = await api.createEndpoint({ name: uniqueName('Used API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const unused = await api.createEndpoint({ name: uniqueName('Unused API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const flow = await api.createHttpFlow(uniqueName('Uses it'), { name: 'Call it', endpointId: used.id, path: '/x' });

  await endpointsPage.goto();
  await endpointsPage.requestDelete(used.name);
  await expect(endpointsPage.deleteAlert.getByRole('alert')).toContainText('cannot be deleted');
  await expect(endpointsPage.usageLinkInAlert(flow.name, flow.stepName)).toBeVisible();
  await expect(endpointsPage.confirmDeleteButton).toHaveCount(0);
  await expect(endpointsPage.deleteAlert).not.toContainText('cannot be undone');
  await endpointsPage.cancelDelete();

  await endpointsPage.requestDelete(unused.name);
  await expect(endpointsPage.deleteAlert).toContainText('cannot be undone');
  await endpointsPage.confirmDeleteButton.click();
  await expect(endpointsPage.deleteAlert).toBeHidden();
  await expect(endpointsPage.item(unused.name)).toHaveCount(0);
});

test('a custom step that flows use is refused at once with its usage; an unused one asks to confirm', async ({ page, api }) => {
  const used = await api.createCustomStep({ name: uniqueName('Used step'), script: '' });
  const unused = await api.createCustomStep({ name: uniqueName('Unused step'), script: '' });
  const flow = await api.createFlowWithGraph(uniqueName('Uses step'), {
    nodes: [{ id: 'noop-1', type: 'custom-step', position: { x: 0, y: 0 }, data: { name: 'Do it', config: { customStepId: used.id, inputs: {}, endpointId: null } } }],
    edges: [],
  });

  const library = new StepsLibraryPage(page);
  await library.goto();
  await library.askToDelete(used.name);
  await expect(library.deleteAlert.getByRole('alert')).toContainText('cannot be deleted');
  await expect(library.deleteAlert.getByRole('link', { name: `${flow.name} › Do it` })).toBeVisible();
  await expect(library.confirmDeleteButton).toHaveCount(0);
  await library.deleteAlert.getByRole('button', { name: 'Cancel', exact: true }).click();

  await library.askToDelete(unused.name);
  await expect(library.deleteAlert).toContainText('cannot be undone');
  await library.confirmDelete();
  await expect(library.item(unused.name)).toHaveCount(0);
});
