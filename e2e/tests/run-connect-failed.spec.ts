import { refusedPort } from '../mocks/refused-port';
import { expect, test } from '../fixtures';
import { uniqueName } from '../support/unique-name';

test('a run against a target that refuses connections shows the step failed with HTTP_CONNECT_FAILED', async ({
  api,
  flowEditor,
  activity,
}) => {
  const port = await refusedPort();
  const endpoint = await api.createEndpoint({ name: uniqueName('Down API'), baseUrl: `http://127.0.0.1:${port}`, auth: { type: 'none' } });
  const flow = await api.createHttpFlow(uniqueName('Refused'), { name: 'Call down API', endpointId: endpoint.id, path: '/health' });

  await flowEditor.goto(flow.id);
  await flowEditor.run();

  await activity.openLatestRun(/failed/i);
  await activity.openStep(flow.stepName, /failed/i);
  await flowEditor.expectNodeStatus(flow.stepNodeId, 'failed');
  await expect(activity.section('Error')).toContainText('HTTP_CONNECT_FAILED');
  await expect(activity.section('HTTP')).toContainText(`127.0.0.1:${port}/health`);
});
