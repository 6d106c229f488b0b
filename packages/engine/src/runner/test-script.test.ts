import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customStepBodySchema } from '../custom-step/custom-step';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { createHttpClient } from '../http/http-client';
import { createScriptPool } from '../script/script-pool';
import { startLocalServer, type LocalServer } from '../testing/local-server';
import { testScript } from './test-script';

const SLOW = { timeout: 60_000 };
const http = createHttpClient();
const pool = createScriptPool({ size: 1 });
const password = 'pa55-w0rd-xyz';
let server: LocalServer;
let endpoint: ResolvedEndpoint;

beforeAll(async () => {
  server = await startLocalServer((req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ path: req.url, auth: req.headers.authorization })));
  endpoint = { id: 'ep', name: 'Target', baseUrl: server.url, trustSelfSigned: false, auth: { type: 'basic', username: 'u', password, preemptive: true } };
  await pool.warmUp();
}, 60_000);
afterAll(async () => {
  await pool.close();
  await http.close();
  await server.close();
});

function run(script: string, inputs: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
  const step = customStepBodySchema.parse({
    name: 'Echo',
    inputs: [{ id: 'in-1', label: 'Name' }, { id: 'in-2', label: 'Greeting', defaultValue: 'Hello' }],
    outputs: [{ id: 'out-1', label: 'Text' }],
    script,
    ...extra,
  });
  return testScript({
    testId: 'script-test-1',
    user: { id: 'u1', name: 'Ann', email: 'ann@example.com' },
    step,
    inputs,
    endpointId: 'ep',
    endpoints: { get: async (id) => (id === 'ep' ? endpoint : undefined), getByName: async (name) => (name === 'Target' ? endpoint : undefined) },
    http,
    scripting: { scripts: pool, constants: async () => ({}), libraries: async () => ({}) },
  });
}

describe('testScript', () => {
  it('runs the step as given with sample inputs by label (defaults for the empty ones) through a run', SLOW, async () => {
    const result = await run(
      `await null;
       const resp = http.request({ endpoint: 'Target', path: '/hi' }).write();
       output['Text'] = input['Greeting'] + ' ' + input['Name'] + ' ' + JSON.parse(resp.body).path;
       console.log('done');`,
      { Name: 'Ada', Stranger: 'ignored' },
    );
    expect(result).toMatchObject({ status: 'succeeded', inputs: { Name: 'Ada', Greeting: 'Hello' }, outputs: { Text: 'Hello Ada /hi' }, error: null });
    expect(result.logs.map((line) => line.message)).toEqual(['done']);
    expect(result.exchanges).toHaveLength(1);
    // Redacted as a run's records: the Basic pair, and the password wherever the script echoes it.
    expect(result.exchanges[0]?.requestHeaders.authorization).toBe('[redacted]');
  });

  // As in a run, the secrets scrubbed are those of the endpoints the script used.
  it('scrubs the secret of an endpoint it used from what the script shows, even from a sample input', SLOW, async () => {
    const result = await run(`http.request({ endpoint: 'Target', path: '/' }).write();\nconsole.log('typed ' + input['Name']); output['Text'] = btoa('u:' + input['Name']);`, { Name: password });
    const shown = JSON.stringify(result);
    expect(shown).not.toContain(password);
    expect(shown).not.toContain(Buffer.from(`u:${password}`).toString('base64'));
  });

  it('binds the step\'s endpoint label to the endpoint given', SLOW, async () => {
    const result = await run(`output['Text'] = JSON.parse(http.request({ endpoint: 'Api', path: '/x' }).write().body).path;`, {}, { includeEndpoint: true, endpointLabel: 'Api' });
    expect(result).toMatchObject({ status: 'succeeded', outputs: { Text: '/x' } });
  });

  it('a failing script answers with its error, not a rejection', SLOW, async () => {
    const result = await run(`throw new Error('nope');`);
    expect(result).toMatchObject({ status: 'failed', error: { code: 'SCRIPT_ERROR', message: 'nope', details: { line: 1 } } });
  });
});
