import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FlowyardError } from '../errors/flowyard-error';
import type { Json } from '../run/run-record';
import type { IntegrationScriptData } from './integration-globals';
import { createScriptPool } from './script-pool';
import { ScriptRunError } from './script-run-error';
import { scriptOptions } from './script-test-kit';

const SLOW = { timeout: 60_000 };
const pool = createScriptPool({ size: 1 });
beforeAll(() => pool.warmUp(), 60_000);
afterAll(() => pool.close());

const inbound: IntegrationScriptData = {
  request: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: '[redacted]' }, parameters: { a: '1', tag: ['x', 'y'] }, body: 'a=1&tag=x&tag=y' },
  callback: null,
};

describe('integration scripts', () => {
  test('see request, start flows through the host, and set the response', SLOW, async () => {
    const started: { name: string; payload: Json }[] = [];
    const result = await pool.run(
      scriptOptions(
        `var id = flows.start('Orders', { a: request.parameters.a, tags: request.parameters.tag, method: request.method });
         console.log('started', id);
         response.status = 201;
         response.headers['X-Run'] = id;
         response.body = { id: id, auth: request.headers.authorization, raw: request.body };`,
        {
          integration: inbound,
          startFlow: async (name, payload) => {
            started.push({ name, payload });
            return 'run-1';
          },
        },
      ),
    );
    expect(started).toEqual([{ name: 'Orders', payload: { a: '1', tags: ['x', 'y'], method: 'POST' } }]);
    expect(result.response).toEqual({ status: 201, headers: { 'X-Run': 'run-1', 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'run-1', auth: '[redacted]', raw: 'a=1&tag=x&tag=y' }) });
    expect(result.logs.map((line) => line.message)).toEqual(['started run-1']);
  });

  test('flows.start works after an await, and the response set after it is answered', SLOW, async () => {
    const started: string[] = [];
    const result = await pool.run(
      scriptOptions(
        `const payload = await new Promise((resolve) => setTimeout(() => resolve({ n: Number(request.parameters.a) }), 5));
         const id = flows.start('Orders', payload);
         response.body = { id, encoded: btoa(id) };`,
        {
          integration: inbound,
          startFlow: async (name, payload) => {
            started.push(`${name}:${JSON.stringify(payload)}`);
            return 'run-2';
          },
        },
      ),
    );
    expect(started).toEqual(['Orders:{"n":1}']);
    expect(result.response?.body).toBe(JSON.stringify({ id: 'run-2', encoded: 'cnVuLTI=' }));
  });

  test('answer 202 with no body when the script sets none; callback and request.body agree for outbound', SLOW, async () => {
    const callback = { event: 'run.failed', run: { id: 'r1' } };
    const result = await pool.run(
      scriptOptions(`var parsed = JSON.parse(request.body); console.log(parsed.run.id === callback.run.id, callback.event);`, {
        integration: { request: { method: 'POST', headers: {}, parameters: {}, body: JSON.stringify(callback) }, callback },
      }),
    );
    expect(result.response).toEqual({ status: 202, headers: {}, body: null });
    expect(result.logs.map((line) => line.message)).toEqual(['true run.failed']);
  });

  test('a refused flows.start throws an error with its code the script can catch; uncaught it fails the script', SLOW, async () => {
    const startFlow = async (): Promise<string> => Promise.reject(new FlowyardError('NOT_FOUND', 'There is no flow named "Nope"'));
    const caught = await pool.run(scriptOptions(`try { flows.start('Nope'); } catch (e) { response.body = e.code + ': ' + e.message; }`, { integration: inbound, startFlow }));
    expect(caught.response?.body).toBe('NOT_FOUND: There is no flow named "Nope"');
    const error = await pool.run(scriptOptions(`flows.start('Nope');`, { integration: inbound, startFlow })).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ScriptRunError);
    expect(error).toMatchObject({ code: 'SCRIPT_ERROR', message: expect.stringContaining('There is no flow named "Nope"') });
  });

  test('a bad status fails the script; custom steps have no integration globals', SLOW, async () => {
    const error = await pool.run(scriptOptions(`response.status = 42;`, { integration: inbound })).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'SCRIPT_ERROR', message: expect.stringContaining('response.status') });
    const plain = await pool.run(scriptOptions(`output.kinds = [typeof flows, typeof callback, typeof response].join(',');`));
    expect(plain.outputs).toEqual({ kinds: 'undefined,undefined,undefined' });
    expect(plain.response).toBeUndefined();
  });
});
