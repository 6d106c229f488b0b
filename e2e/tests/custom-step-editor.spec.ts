import { expect, test } from '../fixtures';
import { StepsLibraryPage } from '../pages/StepsLibraryPage';
import { uniqueName } from '../support/unique-name';

test('the script editor inserts available objects and its Endpoints Edit link opens the endpoint dialog', async ({ page, api, endpointDialog, target }) => {
  const endpoint = await api.createEndpoint({ name: uniqueName('Tickets API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const step = await api.createCustomStep({
    name: uniqueName('Open ticket'),
    inputs: [{ id: 'in-title', label: 'Title' }],
    outputs: [{ id: 'out-id', label: 'Ticket Id' }],
    script: '',
  });

  const library = new StepsLibraryPage(page);
  await library.goto();
  const editor = await library.openStep(step.name);
  await expect(editor.scriptEditor).toBeVisible({ timeout: 20_000 });

  // Clicking sidebar entries inserts their snippets at the cursor.
  await editor.scriptEditor.click();
  await editor.availableItem(endpoint.name).click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(';\n');
  await editor.availableItem(`input['Title']`).click();
  await expect.poll(() => editor.scriptText()).toBe(`http.request({ endpoint: '${endpoint.name}', method: 'GET', path: '/' });\ninput['Title']`);
  await expect(editor.unsavedState).toBeVisible();

  // Edit beside Endpoints opens the workflow's endpoints in place, and from there the endpoint dialog.
  const endpoints = await editor.editEndpoints();
  await endpoints.item(endpoint.name).getByRole('button', { name: endpoint.name, exact: true }).click();
  await endpointDialog.expectOpen('Edit Endpoint');
  await expect(endpointDialog.nameField).toHaveValue(endpoint.name);
  await expect(endpointDialog.baseUrlField).toHaveValue(target.baseUrl);
  await endpointDialog.close();
  await endpoints.close();
  await expect(page).toHaveURL(new RegExp(`/steps/${step.id}$`));
  // The unsaved script is still there.
  await expect.poll(() => editor.scriptText()).toContain(`input['Title']`);
});

test('a reference to a step that is not upstream is flagged on the canvas and refused before running', async ({ page, api, flowEditor, activity }) => {
  const step = await api.createCustomStep({
    name: uniqueName('Shout'),
    inputs: [{ id: 'in-text', label: 'Text', required: true }],
    outputs: [{ id: 'out-loud', label: 'Loud' }],
    script: `output['Loud'] = input['Text'].toUpperCase();`,
  });
  const instance = (id: string, name: string, text: string, x: number) => ({
    id,
    type: 'custom-step',
    position: { x, y: 220 },
    data: { name, config: { customStepId: step.id, inputs: { 'in-text': text }, endpointId: null } },
  });
  // "Second" sits beside "First", not after it, so {{First.Loud}} cannot resolve there.
  const flow = await api.createFlowWithGraph(uniqueName('Siblings'), {
    nodes: [
      { id: 'trigger-1', type: 'manual-trigger', position: { x: 160, y: 0 }, data: { name: 'Manual Trigger', config: { testPayload: '{"text": "hi"}' } } },
      instance('first-1', 'First', '{{trigger.body.text}}', 0),
      instance('second-1', 'Second', 'again {{First.Loud}}', 320),
    ],
    edges: [
      { id: 'trigger-1->first-1', source: 'trigger-1', target: 'first-1', sourceHandle: null },
      { id: 'trigger-1->second-1', source: 'trigger-1', target: 'second-1', sourceHandle: null },
    ],
  });

  // The API refuses the run, naming the reference.
  await expect(api.startRun(flow.id, { text: 'hi' })).rejects.toThrow(/First\.Loud.*not upstream/);

  await flowEditor.goto(flow.id);
  await expect(flowEditor.invalidReferenceBadge('second-1')).toBeVisible();
  await expect(flowEditor.invalidReferenceBadge('first-1')).toHaveCount(0);
  await flowEditor.select('second-1');
  await expect(flowEditor.field('Text')).toHaveAccessibleDescription(/not upstream/);
  // Available data offers only what is upstream: the trigger, not the sibling.
  await expect(flowEditor.availableReference('trigger.body.text')).toBeVisible();
  await expect(flowEditor.availableReference('First.Loud')).toHaveCount(0);

  await flowEditor.openRunDialog();
  await flowEditor.submitRun('{"text": "hi"}');
  await expect(flowEditor.runError).toContainText('Fix these references before running');
  await expect(flowEditor.runError).toContainText('{{First.Loud}}');
  await expect(flowEditor.runDialog).toBeVisible();
  await flowEditor.runDialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(activity.runButtons).toHaveCount(0);

  // Connecting First before Second makes the reference valid, and the run uses First's output.
  await flowEditor.connect('first-1', 'second-1');
  await expect(flowEditor.invalidReferenceBadge('second-1')).toHaveCount(0);
  await flowEditor.run('{"text": "hi"}');
  await activity.openLatestRun(/succeeded/i);
  await activity.openStep('Second', /succeeded/i);
  await expect(activity.value('Outputs', 'Loud')).toHaveText('AGAIN HI');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
});

test('a custom step that a flow uses cannot be deleted from the library; the refusal names the flow step', async ({ page, api }) => {
  const step = await api.createCustomStep({ name: uniqueName('Noop'), script: '' });
  const flow = await api.createFlowWithGraph(uniqueName('Uses noop'), {
    nodes: [
      { id: 'trigger-1', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual Trigger', config: { testPayload: '{}' } } },
      { id: 'noop-1', type: 'custom-step', position: { x: 0, y: 200 }, data: { name: 'Do nothing', config: { customStepId: step.id, inputs: {}, endpointId: null } } },
    ],
    edges: [{ id: 'trigger-1->noop-1', source: 'trigger-1', target: 'noop-1', sourceHandle: null }],
  });

  const library = new StepsLibraryPage(page);
  await library.goto();
  await expect(library.item(step.name)).toContainText('Used in 1 place');
  await library.askToDelete(step.name);
  await expect(library.deleteAlert.getByRole('alert')).toContainText('cannot be deleted');
  await expect(library.deleteAlert.getByRole('link', { name: `${flow.name} › Do nothing` })).toBeVisible();
  await library.deleteAlert.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(library.item(step.name)).toBeVisible();
});
