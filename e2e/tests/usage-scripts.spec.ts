import { expect, test } from '../fixtures';
import { RenameScriptsAlert, scriptUsageLink } from '../pages/RenameScriptsAlert';
import { StepEditor } from '../pages/StepEditor';
import { uniqueName } from '../support/unique-name';

test('the Usage tab lists a custom step whose script names the endpoint, and renaming offers to update the script', async ({
  page,
  api,
  endpointsPage,
  endpointDialog,
  target,
}) => {
  const name = uniqueName("Orders 'EU'");
  const endpoint = await api.createEndpoint({ name, baseUrl: target.baseUrl, auth: { type: 'none' } });
  const literal = `'${name.replace(/'/g, "\\'")}'`;
  const step = await api.createCustomStep({
    name: uniqueName('Post order'),
    script: `var resp = http.request({ endpoint: ${literal}, method: 'POST', path: '/orders' }).write({ id: 1 });\noutput['Status'] = resp.statusCode;`,
    outputs: [{ id: 'o1', label: 'Status' }],
  });
  // A name that only appears in a comment or a variable is not a use.
  const unrelated = await api.createCustomStep({ name: uniqueName('Not a use'), script: `// ${name}\nvar n = ${literal};\nhttp.request({ endpoint: n });` });

  await endpointsPage.goto();
  await expect(endpointsPage.item(name)).toContainText('Used in 1 place');
  await endpointsPage.open(name);
  await endpointDialog.openUsage();
  const link = scriptUsageLink(endpointDialog.root, step.name);
  await expect(link).toBeVisible();
  await expect(scriptUsageLink(endpointDialog.root, unrelated.name)).toHaveCount(0);
  expect(await api.endpointUsageCount(endpoint.id)).toBe(1);

  await link.click();
  await expect(page).toHaveURL(`/steps/${step.id}`);
  const editor = new StepEditor(page);
  await editor.expectLoaded(step.name);

  // Renaming the endpoint: Save asks, lists the script, and Update scripts rewrites its literal.
  const renamed = uniqueName('Orders "EU" v2');
  await endpointsPage.goto();
  await endpointsPage.open(name);
  await endpointDialog.nameField.fill(renamed);
  await endpointDialog.save();
  const alert = new RenameScriptsAlert(page);
  await expect(alert.root).toBeVisible();
  await expect(alert.scripts).toHaveText([step.name]);
  await alert.choose('Update scripts');
  await expect(endpointDialog.root).toBeHidden();
  await expect(endpointsPage.item(renamed)).toBeVisible();

  await page.goto(`/steps/${step.id}`);
  await editor.expectLoaded(step.name);
  await expect.poll(() => editor.scriptText()).toContain(`endpoint: '${renamed.replace(/'/g, "\\'")}'`);
  await expect.poll(() => editor.scriptText()).not.toContain(literal);

  // While a script names it, the endpoint cannot be deleted; the refusal links to the custom step.
  await endpointsPage.goto();
  await endpointsPage.requestDelete(renamed);
  await endpointsPage.expectDeleteRefused();
  await expect(scriptUsageLink(endpointsPage.deleteAlert, step.name)).toBeVisible();
  await endpointsPage.cancelDelete();

  // Keep scripts renames the endpoint alone: the script keeps the old name and no longer counts as a use.
  const third = uniqueName('Orders third');
  await endpointsPage.goto();
  await endpointsPage.open(renamed);
  await endpointDialog.nameField.fill(third);
  await endpointDialog.save();
  await expect(alert.scripts).toHaveText([step.name]);
  await alert.choose('Keep scripts');
  await expect(endpointDialog.root).toBeHidden();
  await expect(endpointsPage.item(third)).toContainText('Not used');
  await page.goto(`/steps/${step.id}`);
  await editor.expectLoaded(step.name);
  await expect.poll(() => editor.scriptText()).toContain(renamed.replace(/'/g, "\\'"));
});
