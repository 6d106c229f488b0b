import { expect, test } from '../fixtures';
import { UsersPage } from '../pages/UsersPage';
import { HookCaller, triggerFindUserGraph } from '../support/hook-caller';
import { field, numberField, stringField } from '../support/trpc-http';
import { uniqueName } from '../support/unique-name';

test('an admin makes a REST user and key; calls to the trigger run as the key’s user, live in Activity', async ({
  page,
  api,
  flowEditor,
  activity,
  playwright,
  baseURL,
}) => {
  const marker = uniqueName('hook').replace(' ', '-').toLowerCase();
  const restName = `REST ${marker}`;
  const restEmail = `rest-${marker}@example.test`;
  const standard = await api.createUser({ name: `Standard ${marker}`, email: `std-${marker}@example.test`, role: 'standard', password: 'standard-pass-1' });
  const standardKey = await api.createApiKey(standard.id, 'standard key');

  // The admin creates the REST Web Service User and its key on the Users page; the key shows once.
  const users = new UsersPage(page);
  await users.goto();
  await users.createUser({ name: restName, email: restEmail, role: 'REST Web Service User', password: 'rest-pass-123' });
  const restKey = await users.createApiKey('order sync');
  expect(restKey).toMatch(/^fy_/);
  await expect(users.apiKey('order sync')).toContainText('Never used');
  await expect(page.locator('body')).not.toContainText(restKey);

  // The flow: HTTP Trigger → Find User searching for the body's "search".
  const flow = await api.createFlowWithGraph(uniqueName('Find by hook'), triggerFindUserGraph());
  await flowEditor.goto(flow.id, 'hook');
  const urlField = flowEditor.settings.getByRole('textbox', { name: 'Trigger URL' });
  const url = `${baseURL}/hooks/${flow.id}/hook`;
  await expect(urlField).toHaveValue(url);
  await expect(flowEditor.settings).toContainText('Authorization: Bearer');
  await expect(activity.runButtons).toHaveCount(0);

  const caller = await HookCaller.start(playwright);
  try {
    // Bad callers are refused and nothing runs.
    expect((await caller.post(url, null, { search: marker })).status()).toBe(401);
    expect((await caller.post(url, 'fy_not-a-real-key', { search: marker })).status()).toBe(401);

    // The REST user's key: 202 with the run id; the run shows up without reloading.
    const accepted = await caller.post(url, restKey, { search: marker });
    expect(accepted.status()).toBe(202);
    expect(stringField(await accepted.json(), 'runId')).toBeTruthy();
    await expect(activity.runButtons).toHaveCount(1);
    await activity.openLatestRun(/succeeded/i);
    await expect(activity.root).toContainText(`Acted as ${restName}`);
    await activity.openStep('HTTP Trigger', /succeeded/i);
    await expect(activity.value('Outputs', 'body')).toContainText(marker);
    // A REST Web Service User may read every user: both match the search.
    await activity.openStep('Find User', /succeeded/i);
    await expect(activity.value('Outputs', 'count')).toHaveText('2');
    await expect(activity.value('Outputs', 'users')).toContainText(restEmail);
    await expect(activity.value('Outputs', 'users')).toContainText(standard.email);

    // The same flow called with the Standard User's key finds only that user.
    expect((await caller.post(url, standardKey, { search: marker })).status()).toBe(202);
    await expect(activity.runButtons).toHaveCount(2);
    await activity.openLatestRun(/succeeded/i);
    await expect(activity.root).toContainText(`Acted as ${standard.name}`);
    await activity.openStep('Find User', /succeeded/i);
    await expect(activity.value('Outputs', 'count')).toHaveText('1');
    await expect(activity.value('Outputs', 'users')).toContainText(standard.email);
    await expect(activity.value('Outputs', 'users')).not.toContainText(restEmail);

    // ?wait=true answers with the run's status and the last step's outputs.
    const waited = await caller.post(`${url}?wait=true`, restKey, { search: marker });
    expect(waited.status()).toBe(200);
    const outcome: unknown = await waited.json();
    expect(stringField(outcome, 'status')).toBe('succeeded');
    expect(numberField(field(outcome, 'outputs'), 'count')).toBe(2);
    await expect(activity.runButtons).toHaveCount(3);
  } finally {
    await caller.close();
  }
  // The refused calls made no runs.
  await expect(activity.runButtons).toHaveCount(3);

  // Run on the canvas starts from the HTTP trigger too: the test payload is the body, and the run acts as the admin.
  await flowEditor.run(JSON.stringify({ search: marker }));
  await expect(activity.runButtons).toHaveCount(4);
  await activity.openLatestRun(/succeeded/i);
  await expect(activity.root).toContainText('Started with Run');
  await expect(activity.root).toContainText('Acted as Admin');
  await activity.openStep('Find User', /succeeded/i);
  await expect(activity.value('Outputs', 'count')).toHaveText('2');
});

test('an HTTP trigger built on the canvas refuses the roles it does not allow and runs nothing for them', async ({
  api,
  flowEditor,
  activity,
  playwright,
  baseURL,
}) => {
  const marker = uniqueName('roles').replace(' ', '-').toLowerCase();
  const rest = await api.createUser({ name: `REST ${marker}`, email: `rest-${marker}@example.test`, role: 'rest', password: 'rest-pass-123' });
  const standard = await api.createUser({ name: `Std ${marker}`, email: `std-${marker}@example.test`, role: 'standard', password: 'std-pass-123' });
  const restKey = await api.createApiKey(rest.id, 'k');
  const standardKey = await api.createApiKey(standard.id, 'k');
  const flow = await api.createFlow(uniqueName('Built hook'));

  await flowEditor.goto(flow.id);
  const hook = await flowEditor.dragFromPalette('http-trigger', { x: 320, y: 80 });
  const find = await flowEditor.dragFromPalette('find-user', await flowEditor.positionBelow(hook));
  await flowEditor.connect(hook, find);
  await flowEditor.select(hook);
  await flowEditor.settings.getByRole('checkbox', { name: 'Standard User' }).uncheck();
  await flowEditor.select(find);
  await flowEditor.field('Search').fill('{{trigger.body.search}}');
  await flowEditor.save();

  await flowEditor.select(hook);
  await expect(flowEditor.settings.getByRole('checkbox', { name: 'Standard User' })).not.toBeChecked();
  const url = await flowEditor.settings.getByRole('textbox', { name: 'Trigger URL' }).inputValue();
  expect(url).toBe(`${baseURL}/hooks/${flow.id}/${hook}`);

  const caller = await HookCaller.start(playwright);
  try {
    expect((await caller.post(url, standardKey, { search: marker })).status()).toBe(403);
    expect((await caller.post(url, restKey, { search: marker })).status()).toBe(202);
  } finally {
    await caller.close();
  }
  await activity.openLatestRun(/succeeded/i);
  await expect(activity.root).toContainText(`Acted as ${rest.name}`);
  await activity.openStep('Find User', /succeeded/i);
  await expect(activity.value('Outputs', 'count')).toHaveText('2');
  await expect(activity.runButtons).toHaveCount(1);
});
