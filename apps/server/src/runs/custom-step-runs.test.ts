import { createScriptPool, type CustomStepCreateInput, type FlowSaveInput } from '@flowyard/engine';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customChainGraph } from '../testing/graphs';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';

// The first script run starts a worker (slow under tsx on a loaded machine).
const SLOW = { timeout: 60_000 };

let app: TestApp;
let target: TargetServer;
const scripts = createScriptPool({ size: 1 });
beforeAll(async () => {
  target = await startTargetServer((req, res, body) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ url: req.url, body, ts: 'ts-1' }));
  });
  await scripts.warmUp();
}, 60_000);
afterAll(async () => {
  await scripts.close();
  await target.close();
});
beforeEach(async () => {
  app = await createTestApp({ scripts });
});
afterEach(async () => {
  await app.close();
});

type StepInput = CustomStepCreateInput['step'];

const poster: StepInput = {
  name: 'Post to target',
  inputs: [
    { id: 'channel', label: 'Channel', required: true },
    { id: 'message', label: 'Message', defaultValue: 'Hi {{trigger.body.name}}' },
  ],
  outputs: [{ id: 'ts', label: 'Timestamp' }],
  includeEndpoint: true,
  endpointLabel: 'Chat',
  script: [
    "var resp = http.request({ endpoint: 'Chat', method: 'post', path: 'messages' }).write({ channel: input['Channel'], text: input['Message'] + constants['Suffix'] });",
    "console.log('posted', resp.statusCode);",
    "output['Timestamp'] = require('pick').ts(resp.body);",
  ].join('\n'),
};

async function setUp(step: StepInput = poster) {
  const endpoint = await app.caller.endpoints.create({
    workflowId: app.workflowId,
    name: 'Chat API',
    baseUrl: `${target.url}/api`,
    auth: { type: 'basic', username: 'bot', password: 'pw-canary-5521' },
  });
  await app.caller.constants.set({ workflowId: app.workflowId, name: 'Suffix', value: '!' });
  await app.caller.libraries.save({ workflowId: app.workflowId, name: 'pick', source: 'exports.ts = function (body) { return JSON.parse(body).ts; };' });
  const definition = await app.caller.customSteps.create({ workflowId: app.workflowId, step });
  const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Poster' });
  const saved = await app.caller.flows.save({
    id: flow.id,
    version: flow.version,
    graph: customChainGraph([{ id: 'post', name: 'Post', customStepId: definition.id, inputs: { channel: '{{trigger.body.channel}}' }, endpointId: endpoint.id }]),
  });
  return { endpoint, definition, flow: saved };
}

async function runToEnd(flowId: string, payload: Record<string, string>) {
  const { runId } = await app.caller.runs.start({ flowId, payload });
  await app.services.runs.whenIdle();
  return app.caller.runs.get({ runId });
}

describe('runs of custom steps', () => {
  it('records inputs, outputs, console lines and the redacted exchange of a script step', SLOW, async () => {
    const { flow } = await setUp();
    const { run, steps } = await runToEnd(flow.id, { channel: 'C1', name: 'Ann' });
    expect(run.status).toBe('succeeded');
    const post = steps.find((s) => s.nodeId === 'post');
    expect(post).toMatchObject({
      stepType: 'custom-step',
      status: 'succeeded',
      inputs: { Channel: 'C1', Message: 'Hi Ann' },
      outputs: { Timestamp: 'ts-1' },
      logs: [{ level: 'log', message: 'posted 200' }],
    });
    expect(post?.exchanges).toEqual([
      expect.objectContaining({ method: 'POST', url: `${target.url}/api/messages`, status: 200, requestHeaders: expect.objectContaining({ authorization: '[redacted]' }) }),
    ]);
    expect(JSON.parse(target.requests.at(-1)?.body ?? '')).toEqual({ channel: 'C1', text: 'Hi Ann!' });
    expect(JSON.stringify(steps)).not.toContain('pw-canary-5521');
  });

  it('runs the edited definition on the next run of a flow that uses it', SLOW, async () => {
    const { flow, definition } = await setUp({ ...poster, includeEndpoint: false, endpointLabel: '', script: "output['Timestamp'] = 'v1';" });
    expect((await runToEnd(flow.id, { channel: 'C', name: 'N' })).steps.find((s) => s.nodeId === 'post')?.outputs).toEqual({ Timestamp: 'v1' });
    await app.caller.customSteps.update({
      id: definition.id,
      step: { ...poster, includeEndpoint: false, endpointLabel: '', outputs: [{ id: 'ts', label: 'Stamp' }], script: "output['Stamp'] = 'v2:' + input['Channel'];" },
    });
    const after = (await runToEnd(flow.id, { channel: 'C', name: 'N' })).steps.find((s) => s.nodeId === 'post');
    expect(after).toMatchObject({ status: 'succeeded', outputs: { Stamp: 'v2:C' } });
  });

  it('fails the step with SCRIPT_ERROR and the line of a thrown error', SLOW, async () => {
    const { flow } = await setUp({ ...poster, includeEndpoint: false, endpointLabel: '', script: "console.warn('about to fail');\n\nthrow new Error('nope');" });
    const { run, steps } = await runToEnd(flow.id, { channel: 'C', name: 'N' });
    expect(run).toMatchObject({ status: 'failed', error: { code: 'SCRIPT_ERROR', details: { step: 'Post', line: 3 } } });
    expect(steps.find((s) => s.nodeId === 'post')).toMatchObject({ status: 'failed', error: { code: 'SCRIPT_ERROR', message: expect.stringContaining('nope') }, logs: [{ level: 'warn', message: 'about to fail' }] });
  });
});

describe('runs.start reference check', () => {
  it('refuses a flow with a reference to a step that is not upstream, listing it, and starts no run', async () => {
    const { flow, definition } = await setUp();
    const graph: FlowSaveInput['graph'] = customChainGraph([
      { id: 'first', name: 'First', customStepId: definition.id, inputs: { channel: '{{Second.Timestamp}}' } },
      { id: 'second', name: 'Second', customStepId: definition.id, inputs: { channel: '{{First.Timestamp}} {{First.Nope}}' } },
    ]);
    const saved = await app.caller.flows.save({ id: flow.id, version: flow.version, graph });
    const error = await apiErrorOf(app.caller.runs.start({ flowId: saved.id, payload: {} }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', trpcCode: 'BAD_REQUEST' });
    expect(error.message).toMatch(/^This flow has 2 references that cannot resolve: /);
    expect(error.issues).toEqual([
      {
        path: 'graph.nodes.1.data.config.inputs.channel',
        message: 'Step "First": {{Second.Timestamp}} in input "Channel": step "Second" is not upstream of this step; connect it before this step',
      },
      { path: 'graph.nodes.2.data.config.inputs.channel', message: 'Step "Second": {{First.Nope}} in input "Channel": step "First" has no output "Nope"' },
    ]);
    expect(error.details.references).toEqual([
      expect.objectContaining({ nodeId: 'first', field: 'inputs.channel', reference: 'Second.Timestamp' }),
      expect.objectContaining({ nodeId: 'second', field: 'inputs.channel', reference: 'First.Nope' }),
    ]);
    expect((await app.caller.runs.list({ flowId: flow.id })).items).toEqual([]);
  });
});
