import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

// SPEC §7a in the Activity panel: a step's console keeps 1,000 lines of 8 KiB with visible markers,
// and a response over the cap fails the step with RESPONSE_TOO_LARGE.
test('the Activity panel shows a cut console line, the truncated marker line, and RESPONSE_TOO_LARGE', async ({ api, flowEditor, activity, target }) => {
  // A script worker's start and a thousand console lines in the panel: on a busy 2-core host it nears the default 60 s.
  test.slow();
  target.on('GET', '/api/huge', { body: 'x'.repeat(11 * 1024 * 1024) });
  const endpoint = await api.createEndpoint({ name: uniqueName('Huge API'), baseUrl: target.baseUrl, auth: { type: 'none' } });
  const step = await api.createCustomStep({
    name: uniqueName('Chatty'),
    script: `console.log('long ' + 'y'.repeat(20000)); for (var i = 1; i <= 1100; i++) console.log('line ' + i);`,
  });
  const position = { x: 0, y: 0 };
  const flow = await api.createFlowWithGraph(uniqueName('Bounded'), {
    nodes: [
      { id: 'start', type: 'manual-trigger', position, data: { name: 'Start', config: {} } },
      { id: 'chatty', type: 'custom-step', position: { x: 0, y: 150 }, data: { name: 'Chatty', config: { customStepId: step.id } } },
      { id: 'huge', type: 'http-request', position: { x: 0, y: 300 }, data: { name: 'Get huge', config: { endpointId: endpoint.id, path: '/api/huge' } } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'chatty', sourceHandle: null },
      { id: 'e2', source: 'chatty', target: 'huge', sourceHandle: null },
    ],
  });
  await api.startRun(flow.id, {});

  await flowEditor.goto(flow.id);
  await activity.openLatestRun(/failed/i);
  await activity.openStep('Chatty', /succeeded/i);
  await expect(activity.consoleLines).toHaveCount(1001);
  await expect(activity.consoleLines.first()).toContainText('… [line truncated at 8 KiB]');
  await expect(activity.consoleLines.nth(999)).toContainText('line 999');
  await expect(activity.consoleLines.last()).toContainText('… truncated: 101 more console lines were dropped');

  await activity.openStep('Get huge', /failed/i);
  await expect(activity.section('Error')).toContainText('RESPONSE_TOO_LARGE');
  await expect(activity.section('Error')).toContainText(`${target.baseUrl}/api/huge is larger than 10 MiB`);
  await expect(activity.section('HTTP')).toContainText('200');
});
