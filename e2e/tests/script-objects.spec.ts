import { expect, test } from '../fixtures';
import { StepsLibraryPage } from '../pages/StepsLibraryPage';
import { ScriptObjectsApi } from '../support/script-objects-api';
import { uniqueName } from '../support/unique-name';

test('the script editor lists shared libraries and constants, inserts their references and completes their names', async ({ page, api }) => {
  const workflowId = await api.defaultWorkflowId();
  const objects = new ScriptObjectsApi(page.request);
  const library = await objects.createLibrary(workflowId, uniqueName('date-utils').replace(/\s/g, '-'), 'exports.today = function () { return "x"; };');
  const constant = await objects.createConstant(workflowId, uniqueName("Region's code"), 'eu-1');
  const step = await api.createCustomStep({ name: uniqueName('Uses objects'), script: '' });

  const steps = new StepsLibraryPage(page);
  await steps.goto();
  const editor = await steps.openStep(step.name);
  await expect(editor.scriptEditor).toBeVisible({ timeout: 20_000 });

  // Clicking a library and a constant inserts their references, escaped as JS strings.
  const requireCode = `require('${library.name}')`;
  const constantCode = `constants['${constant.name.replace(/'/g, "\\'")}']`;
  await editor.scriptEditor.click();
  await editor.availableItem(requireCode).click();
  await page.keyboard.insertText(';\n');
  await editor.availableItem(constantCode).click();
  await expect.poll(() => editor.scriptText()).toBe(`${requireCode};\n${constantCode}`);

  // Completion offers library names inside require(' and constant names inside constants['.
  await editor.setScript('');
  await editor.scriptEditor.click();
  await page.keyboard.type("var d = require('");
  await editor.completionOption(library.name).click();
  await expect.poll(() => editor.scriptText()).toBe(`var d = ${requireCode}`);
  await page.keyboard.press('End');
  await page.keyboard.insertText(';\nvar c = ');
  await page.keyboard.type("constants['");
  await editor.completionOption(constant.name).click();
  await expect.poll(() => editor.scriptText()).toBe(`var d = ${requireCode};\nvar c = ${constantCode}`);
});
