import type { CustomStepCreateInput } from '@flowyard/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';

const SLOW = { timeout: 60_000 };
const secret = 'Sup3r-s3cret-pw';
let app: TestApp;
let target: TargetServer;

beforeAll(async () => {
  target = await startTargetServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ path: req.url, authorization: req.headers.authorization ?? null }));
  });
  app = await createTestApp();
  await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Orders', baseUrl: target.url, auth: { type: 'basic', username: 'bot', password: secret } });
}, 60_000);
afterAll(async () => {
  await app.close();
  await target.close();
});

type Step = CustomStepCreateInput['step'];
const step = (script: string, extra: Partial<Step> = {}): Step => ({
  name: 'Post order',
  inputs: [{ id: 'i1', label: 'Order' }, { id: 'i2', label: 'Note' }],
  outputs: [{ id: 'o1', label: 'Echo' }],
  script,
  ...extra,
});

describe('scripts.test', () => {
  it('runs the script as edited with sample inputs against the real endpoint: outputs, console lines and exchanges', SLOW, async () => {
    const result = await app.caller.scripts.test({
      workflowId: app.workflowId,
      step: step(`
        await new Promise((resolve) => setTimeout(resolve, 1));
        const resp = http.request({ endpoint: 'Orders', method: 'POST', path: '/orders' }).write({ order: input['Order'], tag: btoa('x') });
        output['Echo'] = JSON.parse(resp.body).path;
        console.log('sent', input['Order'], input['Note'] === undefined);`),
      inputs: { Order: 'A-1', Unknown: 'ignored' },
    });
    expect(result).toMatchObject({ status: 'succeeded', inputs: { Order: 'A-1', Note: null }, outputs: { Echo: '/orders' }, error: null });
    expect(result.logs.map((line) => line.message)).toEqual(['sent A-1 true']);
    expect(result.exchanges).toHaveLength(1);
    expect(result.exchanges[0]).toMatchObject({ method: 'POST', url: `${target.url}/orders`, status: 200 });
    expect(target.requests.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from(`bot:${secret}`).toString('base64')}`);
  });

  it('never answers with a secret, in any encoding, even when the sample input carries it', SLOW, async () => {
    const result = await app.caller.scripts.test({
      workflowId: app.workflowId,
      step: step(`
        const resp = http.request({ endpoint: 'Orders', path: '/echo?pw=' + encodeURIComponent(input['Order']) }).write(input['Order']);
        console.log('typed', input['Order'], btoa('bot:' + input['Order']));
        output['Echo'] = resp.body;`),
      inputs: { Order: secret },
    });
    expect(result.status).toBe('succeeded');
    const answer = JSON.stringify(result);
    expect(answer).not.toContain(secret);
    expect(answer).not.toContain(Buffer.from(`bot:${secret}`).toString('base64'));
    expect(answer).toContain('[redacted]');
  });

  it('a script error is in the answer with its code, message and line', SLOW, async () => {
    const result = await app.caller.scripts.test({ workflowId: app.workflowId, step: step(`console.log('before');\nawait null;\nthrow new Error('broken');`), inputs: {} });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'SCRIPT_ERROR', message: expect.stringContaining('broken'), details: { line: 3 } } });
    expect(result.logs.map((line) => line.message)).toEqual(['before']);
  });

  it('a script over its time limit answers SCRIPT_TIMEOUT', SLOW, async () => {
    const result = await app.caller.scripts.test({ workflowId: app.workflowId, step: step('while (true) {}', { timeoutMs: 200 }), inputs: {} });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'SCRIPT_TIMEOUT' } });
  });

  it('a step endpoint label binds to the chosen endpoint', SLOW, async () => {
    const [orders] = (await app.caller.endpoints.list({ workflowId: app.workflowId })).filter((endpoint) => endpoint.name === 'Orders');
    const result = await app.caller.scripts.test({
      workflowId: app.workflowId,
      step: step(`output['Echo'] = JSON.parse(http.request({ endpoint: 'Shop', path: '/via-label' }).write().body).path;`, { includeEndpoint: true, endpointLabel: 'Shop' }),
      inputs: {},
      endpointId: orders?.id ?? null,
    });
    expect(result).toMatchObject({ status: 'succeeded', outputs: { Echo: '/via-label' } });
  });

  it('records nothing: no run of any flow', SLOW, async () => {
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Untouched' });
    await app.caller.scripts.test({ workflowId: app.workflowId, step: step(`output['Echo'] = 'x';`), inputs: {} });
    expect((await app.caller.runs.list({ workflowId: app.workflowId })).items).toEqual([]);
    expect((await app.caller.runs.list({ flowId: flow.id })).items).toEqual([]);
  });

  it('bounds what enters: sample inputs, their size and the script', SLOW, async () => {
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`L${i}`, 'v']));
    expect(await apiErrorOf(app.caller.scripts.test({ workflowId: app.workflowId, step: step(''), inputs: tooMany }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await apiErrorOf(app.caller.scripts.test({ workflowId: app.workflowId, step: step(''), inputs: { Order: 'x'.repeat(100_001) } }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await apiErrorOf(app.caller.scripts.test({ workflowId: app.workflowId, step: step('x'.repeat(200_001)), inputs: {} }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await apiErrorOf(app.caller.scripts.test({ workflowId: 'no-such-workflow', step: step(''), inputs: {} }))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('needs flows.edit: a Standard User is refused', SLOW, async () => {
    const standard = await app.createUser('standard');
    expect(await apiErrorOf(standard.caller.scripts.test({ workflowId: app.workflowId, step: step(''), inputs: {} }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
