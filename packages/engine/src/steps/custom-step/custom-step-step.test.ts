import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customStepBodySchema, type CustomStepDefinition } from '../../custom-step/custom-step';
import type { ResolvedEndpoint } from '../../endpoint/endpoint';
import { endpointNameKey } from '../../endpoint/endpoint-name';
import { flowGraphSchema } from '../../flow/flow-graph';
import { createHttpClient } from '../../http/http-client';
import type { Json, RunEvent, StepRecord } from '../../run/run-record';
import type { FlowScripting } from '../../runner/flow-scripting';
import { runFlow } from '../../runner/run-flow';
import { createScriptPool } from '../../script/script-pool';
import { startLocalServer, type LocalServer } from '../../testing/local-server';

// Worker start-up under tsx is slow on a loaded machine; the runs themselves are fast.
const SLOW = { timeout: 60_000 };
const PASSWORD = 's3cret-pw-7731';

const http = createHttpClient();
const pool = createScriptPool({ size: 2 });
let server: LocalServer;
let endpoints: ResolvedEndpoint[];

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const url = req.url ?? '';
    if (url === '/api/chat.postMessage') {
      const sent: unknown = JSON.parse(req.body);
      const fail = typeof sent === 'object' && sent !== null && 'channel' in sent && sent.channel === 'broken';
      res.statusCode = fail ? 500 : 200;
      res.setHeader('Content-Type', 'application/json');
      res.end(fail ? '{"ok":false,"error":"channel_not_found"}' : JSON.stringify({ ok: true, ts: '1712345678.000100' }));
    } else {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ url, method: req.method }));
    }
  });
  endpoints = [
    { id: 'ep-slack', name: 'Slack', baseUrl: `${server.url}/api`, trustSelfSigned: false, auth: { type: 'basic', username: 'bot', password: PASSWORD, preemptive: true } },
    { id: 'ep-chat', name: 'Chat API', baseUrl: `${server.url}/api`, trustSelfSigned: false, auth: { type: 'none' } },
  ];
  await pool.warmUp();
}, 60_000);

afterAll(async () => {
  await pool.close();
  await http.close();
  await server.close();
});

const specExample = `var req = http.request({ endpoint: 'Slack', method: 'POST', path: '/chat.postMessage',
                         headers: { 'Content-Type': 'application/json' } });
var resp = req.write({ channel: input['Channel'], text: input['Message'] });
if (resp.statusCode >= 300) throw new Error('Slack said ' + resp.body);
output['Timestamp'] = JSON.parse(resp.body).ts;
console.log('posted', resp.statusCode);`;

function definition(id: string, body: unknown): CustomStepDefinition {
  return { id, ...customStepBodySchema.parse(body) };
}

const postMessage = definition('cs-post', {
  name: 'Post message',
  inputs: [
    { id: 'in-channel', label: 'Channel', required: true, minLength: 2, maxLength: 20 },
    { id: 'in-message', label: 'Message', defaultValue: 'Hello {{trigger.body.name}}' },
  ],
  outputs: [{ id: 'out-ts', label: 'Timestamp' }],
  script: specExample,
});

const position = { x: 0, y: 0 };

/** Start → Post (an instance of `customStepId`) → After (an HTTP request using Post's output). */
function flow(config: Record<string, unknown>, after = '/after/{{Post.Timestamp}}') {
  return flowGraphSchema.parse({
    nodes: [
      { id: 't', type: 'manual-trigger', position, data: { name: 'Start', config: {} } },
      { id: 'post', type: 'custom-step', position, data: { name: 'Post', config } },
      { id: 'after', type: 'http-request', position, data: { name: 'After', config: { endpointId: 'ep-chat', path: after } } },
    ],
    edges: [
      { id: 'e1', source: 't', target: 'post' },
      { id: 'e2', source: 'post', target: 'after' },
    ],
  });
}

async function run(config: Record<string, unknown>, payload: Json, definitions: CustomStepDefinition[], extra: Partial<FlowScripting> = {}) {
  const events: RunEvent[] = [];
  const summary = await runFlow({
    runId: 'run-1',
    user: { id: 'user-1', name: 'Ann', email: 'ann@example.com' },
    flow: { id: 'flow-1', version: 1, graph: flow(config) },
    trigger: { nodeId: 't', payload, type: 'manual' },
    endpoints: {
      get: async (id) => endpoints.find((e) => e.id === id),
      getByName: async (name) => endpoints.find((e) => endpointNameKey(e.name) === endpointNameKey(name)),
    },
    http,
    scripting: {
      customSteps: { get: async (id) => definitions.find((d) => d.id === id) },
      scripts: pool,
      constants: async () => ({}),
      libraries: async () => ({}),
      ...extra,
    },
    sink: (event) => void events.push(event),
  });
  const last = new Map<string, StepRecord>();
  for (const event of events) if (event.type === 'step') last.set(event.step.name, event.step);
  const post = last.get('Post');
  if (post === undefined) throw new Error('no record for Post');
  return { summary, events, post, after: last.get('After') };
}

describe('custom step through runFlow, with the real sandbox', () => {
  it('hands the script to the pool with the flow’s id as its fairness key', SLOW, async () => {
    const keys: Array<string | undefined> = [];
    const { summary } = await run({ customStepId: 'cs-post', inputs: { 'in-channel': 'C123' } }, { name: 'Ann' }, [postMessage], {
      scripts: { run: (options) => (keys.push(options.fairnessKey), pool.run(options)) },
    });
    expect(summary.status).toBe('succeeded');
    expect(keys).toEqual(['flow-1']);
  });

  it('runs the SPEC §5 example unchanged: inputs, default, authenticated request, output, console line', SLOW, async () => {
    const seen = server.requests.length;
    const { summary, events, post, after } = await run(
      { customStepId: 'cs-post', inputs: { 'in-channel': '{{trigger.body.channel}}' } },
      { channel: 'C123', name: 'Ann' },
      [postMessage],
    );
    expect(summary.status).toBe('succeeded');
    expect(post).toMatchObject({
      stepType: 'custom-step',
      status: 'succeeded',
      inputs: { Channel: 'C123', Message: 'Hello Ann' },
      outputs: { Timestamp: '1712345678.000100' },
      error: null,
    });
    expect(post.logs.map((line) => [line.level, line.message])).toEqual([['log', 'posted 200']]);
    expect(post.exchanges).toHaveLength(1);
    expect(post.exchanges[0]).toMatchObject({
      method: 'POST',
      url: `${server.url}/api/chat.postMessage`,
      status: 200,
      requestHeaders: { authorization: '[redacted]', 'Content-Type': 'application/json' },
      requestBody: '{"channel":"C123","text":"Hello Ann"}',
    });
    // The engine added the endpoint's credentials; the record never shows them.
    expect(server.requests[seen]?.headers.authorization).toBe(`Basic ${Buffer.from(`bot:${PASSWORD}`).toString('base64')}`);
    const recorded = JSON.stringify(events);
    expect(recorded).not.toContain(PASSWORD);
    expect(recorded).not.toContain(Buffer.from(`bot:${PASSWORD}`).toString('base64'));
    // A later step maps the output with a reference.
    expect(after).toMatchObject({ status: 'succeeded', outputs: { body: { url: '/api/after/1712345678.000100' } } });
  });

  it('reaches the bound endpoint through the step endpoint label', SLOW, async () => {
    const labelled = definition('cs-label', {
      name: 'Labelled',
      includeEndpoint: true,
      endpointLabel: 'Slack',
      inputs: [{ id: 'c', label: 'Channel' }, { id: 'm', label: 'Message' }],
      outputs: [{ id: 'o', label: 'Timestamp' }],
      script: specExample,
    });
    const { post } = await run({ customStepId: 'cs-label', inputs: { c: 'C9', m: 'hi' }, endpointId: 'ep-chat' }, {}, [labelled]);
    expect(post).toMatchObject({ status: 'succeeded', outputs: { Timestamp: '1712345678.000100' } });
    // "Slack" here is the label, bound to the Chat API endpoint (no auth), not the endpoint named Slack.
    expect(post.exchanges[0]?.requestHeaders).not.toHaveProperty('authorization');
  });

  it('fails with SCRIPT_ERROR and the script line, keeping the console lines and exchanges so far', SLOW, async () => {
    const { summary, post, after } = await run({ customStepId: 'cs-post', inputs: { 'in-channel': 'broken' } }, { name: 'x' }, [postMessage]);
    expect(summary.status).toBe('failed');
    expect(post).toMatchObject({
      status: 'failed',
      error: { code: 'SCRIPT_ERROR', message: 'Slack said {"ok":false,"error":"channel_not_found"}', details: { line: 4 } },
      outputs: null,
    });
    expect(post.exchanges).toHaveLength(1);
    expect(post.exchanges[0]).toMatchObject({ status: 500 });
    expect(after?.status).toBe('skipped');
    expect(summary.error).toMatchObject({ code: 'SCRIPT_ERROR', details: { step: 'Post', line: 4 } });
  });

  it('fails with ENDPOINT_NOT_FOUND when the script names an unknown endpoint', SLOW, async () => {
    const ghost = definition('cs-ghost', { name: 'Ghost', script: "console.info('before');\nhttp.request({ endpoint: 'Nope', path: '/x' }).write();" });
    const { post } = await run({ customStepId: 'cs-ghost' }, {}, [ghost]);
    expect(post).toMatchObject({ status: 'failed', error: { code: 'ENDPOINT_NOT_FOUND', details: { endpoint: 'Nope', line: 2 } } });
    expect(post.error?.message).toContain('"Nope"');
    expect(post.logs.map((line) => [line.level, line.message])).toEqual([['info', 'before']]);
  });

  it('gives the script constants and shared libraries; console lines stay in order; unset outputs are empty', SLOW, async () => {
    const greet = definition('cs-greet', {
      name: 'Greet',
      inputs: [{ id: 'who', label: 'Who' }, { id: 'opt', label: 'Optional' }],
      outputs: [{ id: 'g', label: 'Greeting' }, { id: 'u', label: 'Unset' }],
      script: [
        "var fmt = require('format');",
        "console.log('one');",
        "console.warn('two', typeof input['Optional']);",
        "output['Greeting'] = fmt.greet(input['Who'], constants['Punctuation']);",
        "output['Extra'] = 'dropped';",
        "console.error('three');",
      ].join('\n'),
    });
    const { post } = await run({ customStepId: 'cs-greet', inputs: { who: '{{trigger.body.who}}', opt: '' } }, { who: 'Bo' }, [greet], {
      constants: async () => ({ Punctuation: '!' }),
      libraries: async () => ({ format: "exports.greet = function (who, p) { return 'Hi ' + who + p; };" }),
    });
    expect(post).toMatchObject({ status: 'succeeded', inputs: { Who: 'Bo', Optional: null }, outputs: { Greeting: 'Hi Bo!', Unset: '' } });
    expect(post.logs.map((line) => [line.level, line.message])).toEqual([
      ['log', 'one'],
      ['warn', 'two undefined'],
      ['error', 'three'],
      ['warn', "The script set output 'Extra', which this step does not declare; it was dropped"],
    ]);
  });

  it('fails with SCRIPT_TIMEOUT at the step time limit', SLOW, async () => {
    const spin = definition('cs-spin', { name: 'Spin', timeoutMs: 300, script: "console.log('spinning');\nwhile (true) {}" });
    const started = Date.now();
    const { post } = await run({ customStepId: 'cs-spin' }, {}, [spin]);
    expect(post).toMatchObject({ status: 'failed', error: { code: 'SCRIPT_TIMEOUT', details: { timeoutMs: 300 } } });
    expect(post.logs.map((line) => line.message)).toEqual(['spinning']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('custom step inputs and readiness', () => {
  it('validates required, minimum and maximum lengths on the resolved values before the script runs', SLOW, async () => {
    const seen = server.requests.length;
    const short = await run({ customStepId: 'cs-post', inputs: { 'in-channel': '{{trigger.body.channel}}' } }, { channel: 'C', name: 'N' }, [postMessage]);
    expect(short.post).toMatchObject({
      status: 'failed',
      inputs: { Channel: 'C' },
      error: { code: 'VALIDATION_FAILED', message: 'Input "Channel" must be at least 2 characters (it has 1)', details: { inputs: ['Channel'] } },
    });
    const long = await run({ customStepId: 'cs-post', inputs: { 'in-channel': 'x'.repeat(21) } }, { name: 'N' }, [postMessage]);
    expect(long.post.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Input "Channel" must be at most 20 characters (it has 21)' });
    const empty = await run({ customStepId: 'cs-post', inputs: { 'in-channel': '{{trigger.body.channel}}' } }, { channel: '', name: 'N' }, [postMessage]);
    expect(empty.post.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Input "Channel" is required' });
    expect(server.requests.length).toBe(seen);
  });

  it('refuses to run an instance that is not ready: no input for a required one, no definition, no endpoint', SLOW, async () => {
    const missing = await run({ customStepId: 'cs-post', inputs: {} }, {}, [postMessage]);
    expect(missing.post).toMatchObject({ status: 'failed', error: { code: 'VALIDATION_FAILED', message: 'Step is not ready: Input "Channel" is required' } });
    const deleted = await run({ customStepId: 'cs-deleted' }, {}, [postMessage]);
    expect(deleted.post.error?.message).toContain('no longer exists');
    const labelled = definition('cs-label', { name: 'L', includeEndpoint: true, endpointLabel: 'Target' });
    const unbound = await run({ customStepId: 'cs-label' }, {}, [labelled]);
    expect(unbound.post.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Step is not ready: Endpoint "Target" is required' });
    const gone = await run({ customStepId: 'cs-label', endpointId: 'ep-gone' }, {}, [labelled]);
    expect(gone.post.error).toMatchObject({ code: 'ENDPOINT_NOT_FOUND', details: { endpointLabel: 'Target' } });
  });

  it('reports an unknown reference in an input, naming the input, and shows the inputs that did resolve', SLOW, async () => {
    const { post } = await run({ customStepId: 'cs-post', inputs: { 'in-channel': '{{Nowhere.x}}' } }, { name: 'Ann' }, [postMessage]);
    expect(post.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('{{Nowhere.x}} in input "Channel"') });
    expect(post.inputs).toEqual({ Channel: '{{Nowhere.x}}', Message: 'Hello Ann' });
  });
});
