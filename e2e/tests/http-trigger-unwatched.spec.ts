import { expect, test } from '../fixtures';
import { HookCaller, triggerFindUserGraph } from '../support/hook-caller';
import { stringField } from '../support/trpc-http';
import { uniqueName } from '../support/unique-name';

// Runs answered while nobody has the flow open are written in one go when they end (held
// records): the Activity panel opened afterwards must still show every one with all its steps.
test('runs answered with ?wait=true while nobody watches are all in Activity afterwards, every step recorded', async ({ api, flowEditor, activity, playwright, baseURL }) => {
  const marker = uniqueName('unwatched').replace(' ', '-').toLowerCase();
  const rest = await api.createUser({ name: `REST ${marker}`, email: `rest-${marker}@example.test`, role: 'rest', password: 'rest-pass-123' });
  const key = await api.createApiKey(rest.id, 'burst');
  const flow = await api.createFlowWithGraph(uniqueName('Unwatched hook'), triggerFindUserGraph());
  const url = `${baseURL}/hooks/${flow.id}/hook?wait=true`;

  const caller = await HookCaller.start(playwright);
  const runIds: string[] = [];
  try {
    const answers = await Promise.all(Array.from({ length: 12 }, () => caller.post(url, key, { search: marker })));
    for (const answer of answers) {
      expect(answer.status()).toBe(200);
      const outcome: unknown = await answer.json();
      expect(stringField(outcome, 'status')).toBe('succeeded');
      runIds.push(stringField(outcome, 'runId'));
    }
  } finally {
    await caller.close();
  }
  expect(new Set(runIds).size).toBe(12);

  await flowEditor.goto(flow.id, 'hook');
  await expect(activity.runButtons).toHaveCount(12);
  await activity.openLatestRun(/succeeded/i);
  await expect(activity.root).toContainText(`Acted as REST ${marker}`);
  await activity.openStep('HTTP Trigger', /succeeded/i);
  await expect(activity.value('Outputs', 'body')).toContainText(marker);
  await activity.openStep('Find User', /succeeded/i);
  await expect(activity.value('Outputs', 'users')).toContainText(`rest-${marker}@example.test`);
});
