import { expect, test } from '../fixtures';
import { ConstantsPage } from '../pages/ConstantsPage';
import { LibrariesPage } from '../pages/LibrariesPage';
import { StepsLibraryPage } from '../pages/StepsLibraryPage';
import { uniqueName } from '../support/unique-name';

test('a shared library: a parse error shows at its line, the fixed library saves, a step script requires it through Available objects, and its delete is refused with a link to that step', async ({
  page,
  api,
}) => {
  const name = uniqueName('date-utils').replace(/\s/g, '-');
  const libraries = new LibrariesPage(page);
  await libraries.openFromNavigation();
  const editor = await libraries.newLibrary();
  await editor.nameField.fill(name);

  // Line 3 does not parse: the error is marked there and named under the editor, and Save keeps nothing.
  await editor.setSource('exports.today = function () {\n  return "today";\n} +;\n');
  await expect(editor.line(3).locator('.cm-lintRange-error')).toBeVisible();
  await expect(editor.errorMark).toHaveCount(1);
  await expect(editor.errorMessage).toContainText('Line 3, column 4: Unexpected token');
  await editor.saveButton.click();
  await expect(editor.errorMessage).toContainText('Line 3');
  await expect(page).toHaveURL(/\/integration-builder\/libraries\/new$/);

  // Fixed, it saves under its own address.
  await editor.setSource('exports.today = function () {\n  return "today";\n};\n');
  await expect(editor.errorMark).toHaveCount(0);
  await expect(editor.errorMessage).toHaveCount(0);
  await editor.saveButton.click();
  await expect(page).toHaveURL(/\/integration-builder\/libraries\/(?!new$)[^/]+$/);
  await expect(editor.savedState).toBeVisible();
  await expect(editor.usage).toContainText('No script requires this library.');

  // A custom step's script requires it by clicking it under Available objects.
  const step = await api.createCustomStep({ name: uniqueName('Uses dates'), script: '' });
  const steps = new StepsLibraryPage(page);
  await steps.goto();
  const stepEditor = await steps.openStep(step.name);
  await expect(stepEditor.scriptEditor).toBeVisible({ timeout: 20_000 });
  await stepEditor.scriptEditor.click();
  await page.keyboard.insertText('var dates = ');
  await stepEditor.availableItem(`require('${name}')`).click();
  await expect.poll(() => stepEditor.scriptText()).toBe(`var dates = require('${name}')`);
  await stepEditor.save(step.name);

  // Its Usage lists the step; deleting it is refused at once with a link to the step.
  await libraries.goto();
  await expect(libraries.item(name)).toContainText('Used in 1 place');
  const opened = await libraries.open(name);
  await expect(opened.usageLink(step.name)).toBeVisible();
  await libraries.goto();
  const alert = await libraries.requestDelete(name);
  await expect(alert.getByRole('alert')).toContainText('cannot be deleted');
  await expect(alert.getByRole('button', { name: 'Delete Library', exact: true })).toHaveCount(0);
  await alert.getByRole('list', { name: 'Library usage' }).getByRole('link', { name: step.name, exact: true }).click();
  await expect(page).toHaveURL(`/steps/${step.id}`);
});

test('a constant: created on its page, read by a step script through Available objects, listed in its Usage, and its delete refused with a link to that step', async ({
  page,
  api,
}) => {
  const name = uniqueName("Region's code");
  const constants = new ConstantsPage(page);
  await constants.openFromNavigation();
  await constants.create(name, 'eu-1');
  await expect(constants.item(name)).toContainText('eu-1');
  await expect(constants.item(name)).toContainText('Not used');

  // Closing with unsaved edits asks first; Keep editing keeps them, Discard changes drops them.
  await constants.open(name);
  await constants.valueField.fill('eu-2');
  await page.keyboard.press('Escape');
  const discard = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
  await discard.getByRole('button', { name: 'Keep editing', exact: true }).click();
  await expect(constants.valueField).toHaveValue('eu-2');
  await constants.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await discard.getByRole('button', { name: 'Discard changes', exact: true }).click();
  await expect(constants.dialog).toBeHidden();
  await expect(constants.item(name)).toContainText('eu-1');

  const step = await api.createCustomStep({ name: uniqueName('Reads region'), script: '' });
  const steps = new StepsLibraryPage(page);
  await steps.goto();
  const stepEditor = await steps.openStep(step.name);
  await expect(stepEditor.scriptEditor).toBeVisible({ timeout: 20_000 });
  const code = `constants['${name.replace(/'/g, "\\'")}']`;
  await stepEditor.scriptEditor.click();
  await stepEditor.availableItem(code).click();
  await expect.poll(() => stepEditor.scriptText()).toBe(code);
  await stepEditor.save(step.name);

  await constants.goto();
  await expect(constants.item(name)).toContainText('Used in 1 place');
  await constants.open(name);
  await expect(constants.usageLink(step.name)).toBeVisible();
  await constants.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(constants.dialog).toBeHidden();

  const alert = await constants.requestDelete(name);
  await expect(alert.getByRole('alert')).toContainText('cannot be deleted');
  await expect(alert.getByRole('button', { name: 'Delete Constant', exact: true })).toHaveCount(0);
  await alert.getByRole('list', { name: 'Constant usage' }).getByRole('link', { name: step.name, exact: true }).click();
  await expect(page).toHaveURL(`/steps/${step.id}`);

  // An unused constant is deleted after confirming.
  const spare = uniqueName('Spare');
  await constants.goto();
  await constants.create(spare, '');
  const confirm = await constants.requestDelete(spare);
  await confirm.getByRole('button', { name: 'Delete Constant', exact: true }).click();
  await expect(constants.item(spare)).toHaveCount(0);
});

test('the built-in Flowyard endpoint lists a Find User step in its Usage', async ({ api, endpointsPage, endpointDialog, page }) => {
  const stepName = uniqueName('Find people');
  const flow = await api.createFlowWithGraph(uniqueName('Directory'), {
    nodes: [
      { id: 'trigger', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual trigger', config: {} } },
      { id: 'find', type: 'find-user', position: { x: 0, y: 160 }, data: { name: stepName, config: { search: 'lee' } } },
    ],
    edges: [{ id: 'e1', source: 'trigger', target: 'find', sourceHandle: null }],
  });

  await endpointsPage.goto();
  await expect(endpointsPage.list.getByRole('listitem').first()).toContainText(/Used in \d+ place/);
  await endpointsPage.open('Flowyard');
  await endpointDialog.openUsage();
  const link = endpointDialog.usageLink(flow.name, stepName);
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(`/flows/${flow.id}?step=find`);
});
