import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customStepBodySchema, type CustomStepDefinition } from '../../custom-step/custom-step';
import type { ResolvedEndpoint } from '../../endpoint/endpoint';
import { flowGraphSchema } from '../../flow/flow-graph';
import { createHttpClient } from '../../http/http-client';
import type { RunEvent, StepRecord } from '../../run/run-record';
import { runFlow } from '../../runner/run-flow';
import { createScriptPool } from '../../script/script-pool';
import { startLocalServer, type LocalServer } from '../../testing/local-server';

// SPEC §7a for scripts: response bodies capped while streaming, outputs at most 1 MiB, console 1,000 × 8 KiB.
const SLOW = { timeout: 60_000 };
const MiB = 1024 * 1024;
const http = createHttpClient({ maxResponseBytes: MiB });
const pool = createScriptPool({ size: 1 });
let server: LocalServer;
let endpoint: ResolvedEndpoint;

beforeAll(async () => {
  server = await startLocalServer((req, res) => res.end(req.url === '/huge' ? 'x'.repeat(2 * MiB) : 'small'));
  endpoint = { id: 'ep', name: 'Target', baseUrl: server.url, trustSelfSigned: false, auth: { type: 'none' } };
  await pool.warmUp();
}, 60_000);
afterAll(async () => {
  await pool.close();
  await http.close();
  await server.close();
});

const position = { x: 0, y: 0 };

async function runScript(script: string, outputs: string[] = ['Result']): Promise<StepRecord> {
  const definition: CustomStepDefinition = { id: 'cs', ...customStepBodySchema.parse({ name: 'Script', outputs: outputs.map((label, i) => ({ id: `o${i}`, label })), script }) };
  const events: RunEvent[] = [];
  await runFlow({
    runId: 'run-1',
    user: { id: 'user-1', name: 'Ann', email: 'ann@example.com' },
    flow: {
      id: 'flow-1',
      version: 1,
      graph: flowGraphSchema.parse({
        nodes: [
          { id: 't', type: 'manual-trigger', position, data: { name: 'Start', config: {} } },
          { id: 's', type: 'custom-step', position, data: { name: 'Script', config: { customStepId: 'cs' } } },
        ],
        edges: [{ id: 'e', source: 't', target: 's' }],
      }),
    },
    trigger: { nodeId: 't', payload: {}, type: 'manual' },
    endpoints: { get: async () => endpoint, getByName: async () => endpoint },
    http,
    scripting: { customSteps: { get: async () => definition }, scripts: pool, constants: async () => ({}), libraries: async () => ({}) },
    sink: (event) => void events.push(event),
  });
  const step = events.flatMap((event) => (event.type === 'step' && event.step.name === 'Script' ? [event.step] : [])).at(-1);
  if (step === undefined) throw new Error('no record of the script step');
  return step;
}

describe('custom steps within their bounds', () => {
  it('request.write() over the response cap throws an error carrying RESPONSE_TOO_LARGE', SLOW, async () => {
    const step = await runScript(`
      try { http.request({ endpoint: 'Target', path: '/huge' }).write(); }
      catch (error) { output['Result'] = error.code + ': ' + error.message; }`);
    expect(step.status).toBe('succeeded');
    expect(step.outputs?.Result).toBe(`RESPONSE_TOO_LARGE: The response from ${server.url}/huge is larger than 1 MiB; reading stopped there`);
    expect(step.exchanges[0]).toMatchObject({ responseBodyTruncated: true, error: { code: 'RESPONSE_TOO_LARGE' } });
  });

  it('uncaught, it fails the step with that code', SLOW, async () => {
    const step = await runScript(`http.request({ endpoint: 'Target', path: '/huge' }).write();`);
    expect(step).toMatchObject({ status: 'failed', error: { code: 'RESPONSE_TOO_LARGE', details: { maxBytes: MiB } } });
  });

  it('an output of 20 MB fails the step with OUTPUT_TOO_LARGE and stores none of it', SLOW, async () => {
    const step = await runScript(`output['Result'] = 'y'.repeat(20 * 1000 * 1000);`);
    expect(step).toMatchObject({ status: 'failed', outputs: null, error: { code: 'OUTPUT_TOO_LARGE' } });
    expect(JSON.stringify(step).length).toBeLessThan(100_000);
  });

  it('10 MB of console lines are kept as 1,000 lines of at most 8 KiB and a truncated marker', SLOW, async () => {
    const step = await runScript(`for (let i = 0; i < 1000; i++) console.log(i + ' ' + 'z'.repeat(10000)); console.log('and one more');
      output['Result'] = 'done'; output['Extra'] = 'not declared';`);
    expect(step.status).toBe('succeeded');
    expect(step.logs).toHaveLength(1001);
    for (const line of step.logs.slice(0, 1000)) {
      expect(Buffer.byteLength(line.message)).toBeLessThanOrEqual(8 * 1024);
      expect(line.message.endsWith('… [line truncated at 8 KiB]')).toBe(true);
    }
    // The script's own overflow and the step's warning about the undeclared output: two lines, counted in one.
    expect(step.logs[1000]).toMatchObject({ level: 'warn', message: expect.stringMatching(/^… truncated: 2 more console lines were dropped/) });
    expect(JSON.stringify(step.logs).length).toBeLessThan(8.5 * MiB);
  });

  it('keeps 100 HTTP exchanges of a script that loops requests, and says how many more it made', SLOW, async () => {
    const step = await runScript("for (let i = 0; i < 130; i++) http.request({ endpoint: 'Target', path: '/n' + i }).write(); output['Result'] = 'done';");
    expect(step.status).toBe('succeeded');
    expect(step.exchanges).toHaveLength(100);
    expect(step.exchanges.at(-1)?.url).toBe(`${server.url}/n99`);
    expect(step.logs.at(-1)).toMatchObject({ level: 'warn', message: expect.stringContaining('30 more HTTP exchanges were not recorded') });
  });
});
