import { expect, test } from '../fixtures';
import { StepsLibraryPage } from '../pages/StepsLibraryPage';
import { uniqueName } from '../support/unique-name';

test('Test script runs the script as edited with a sample input: await, write() and btoa against a mock target, showing output, console line and exchange', async ({
  page,
  api,
  target,
}) => {
  test.slow();
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  target.requireBasicAuth({ username: 'e2e-user', password });
  target.on('POST', '/api/tickets', { status: 201, json: { id: 'T-42' } });
  const endpoint = await api.createEndpoint({
    name: uniqueName('Tickets API'),
    baseUrl: target.baseUrl,
    auth: { type: 'basic', username: 'e2e-user', password, preemptive: true },
  });
  const script = `await new Promise((resolve) => setTimeout(resolve, 5));
const resp = http.request({ endpoint: '${endpoint.name}', method: 'POST', path: '/api/tickets' })
  .write({ subject: input['Subject'], tag: btoa(input['Subject']) });
output['Ticket'] = JSON.parse(resp.body).id;
console.log('created ' + output['Ticket'] + ' with status ' + resp.statusCode);`;

  const library = new StepsLibraryPage(page);
  await library.goto();
  const editor = await library.newStep();
  await editor.nameField.fill(uniqueName('Open ticket'));
  await editor.addInput({ label: 'Subject' });
  await editor.addOutput('Ticket');
  await editor.setScript(script);

  // Not saved: the test runs the script as it is in the editor.
  const dialog = await editor.openTestScript();
  await dialog.sampleInput('Subject').fill('Printer on fire');
  await dialog.run();

  await expect(dialog.result.getByText('Succeeded', { exact: true })).toBeVisible();
  await expect(dialog.outputs).toContainText('Ticket');
  await expect(dialog.outputs).toContainText('T-42');
  await expect(dialog.consoleLines).toHaveCount(1);
  await expect(dialog.consoleLines.first()).toContainText('created T-42 with status 201');
  await expect(dialog.exchanges).toHaveCount(1);
  await expect(dialog.exchanges.first()).toContainText('POST');
  await expect(dialog.exchanges.first()).toContainText(`${target.baseUrl}/api/tickets`);
  await expect(dialog.exchanges.first()).toContainText('[redacted]');
  await expect(dialog.root).not.toContainText(password);

  const sent = target.requestsTo('POST', '/api/tickets');
  expect(sent).toHaveLength(1);
  expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ subject: 'Printer on fire', tag: Buffer.from('Printer on fire').toString('base64') });

  // A script error shows with its code and line, and the console lines before it.
  await dialog.close();
  await editor.setScript(`console.log('about to fail');\nawait null;\nthrow new Error('no tickets today');`);
  const again = await editor.openTestScript();
  await again.run();
  await expect(again.result.getByText('Failed', { exact: true })).toBeVisible();
  await expect(again.result).toContainText('SCRIPT_ERROR');
  await expect(again.result).toContainText('no tickets today');
  await expect(again.consoleLines.first()).toContainText('about to fail');
  // Testing saved nothing: the step is still new.
  await expect(page).toHaveURL(/\/steps\/new$/);
});
