import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { log } from '../log';
import { startHookTestServer, type HookTestServer } from './hook-test-server';

// SPEC §7a: bounded input, a clear 4xx for going over, and an acknowledged run is always a recorded run.
const position = { x: 0, y: 0 };
let server: HookTestServer;
let flowId: string;
let plainFlowId: string;
let key: string;
beforeAll(async () => {
  server = await startHookTestServer();
  flowId = await server.flow('Echo', {
    nodes: [
      { id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } },
      { id: 'route', type: 'switch', position, data: { name: 'Route', config: { value: '{{trigger.query.constructor}}|{{trigger.body.__proto__}}', cases: [{ id: 'hit', value: 'ctor|proto' }] } } },
    ],
    edges: [{ id: 'e', source: 'hook', target: 'route' }],
  });
  plainFlowId = await server.flow('Plain', { nodes: [{ id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } }], edges: [] });
  key = (await server.userWithKey('rest')).key;
});
afterAll(() => server.close());

const hook = (query = '') => `/hooks/${flowId}/hook${query}`;
const post = (query: string, body: string, contentType = 'application/json') =>
  server.fetch(hook(query), { method: 'POST', headers: { 'x-api-key': key, 'content-type': contentType }, body });
const runCount = async (): Promise<number> => {
  await server.app.services.runs.whenIdle();
  const [row] = await server.app.sql.query('SELECT count(*) AS n FROM runs WHERE flow_id = ?', [flowId]);
  return Number(row?.n ?? 0);
};
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const outcomeSchema = z.object({ runId: z.string(), status: z.string(), outputs: z.record(z.string(), z.unknown()).nullable() });

describe('HTTP trigger bodies nested too deep', () => {
  it('are refused with 400 before any run exists, with or without ?wait=true', async () => {
    const before = await runCount();
    for (const body of [`${'['.repeat(5000)}${']'.repeat(5000)}`, `${'{"a":'.repeat(65)}1${'}'.repeat(65)}`]) {
      for (const query of ['?wait=true', '']) {
        const response = await post(query, body);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        const { error } = errorSchema.parse(await response.json());
        expect(error).toEqual({ code: 'VALIDATION_FAILED', message: 'The request body nests deeper than 64 levels; JSON may nest at most 64 levels' });
      }
    }
    expect(await runCount()).toBe(before);
  });

  it('nested exactly 64 levels run and are recorded', async () => {
    const response = await server.fetch(`/hooks/${plainFlowId}/hook?wait=true`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: `${'['.repeat(64)}${']'.repeat(64)}`,
    });
    expect(response.status).toBe(200);
    const { runId } = outcomeSchema.parse(await response.json());
    expect((await server.app.caller.runs.get({ runId })).run.status).toBe('succeeded');
  });
});

describe('query and form keys such as constructor, toString and __proto__', () => {
  it('arrive as plain data: the run reads them and succeeds', async () => {
    const query = '?wait=true&constructor=ctor&toString=ts&hasOwnProperty=own&__proto__=qp&valueOf=v';
    const response = await post(query, '{"__proto__": "proto"}');
    expect(response.status).toBe(200);
    const { runId, outputs } = outcomeSchema.parse(await response.json());
    expect(outputs).toEqual({ value: 'ctor|proto', matched: 'ctor|proto' });
    const { steps } = await server.app.caller.runs.get({ runId });
    const trigger = steps.find((step) => step.nodeId === 'hook');
    expect(JSON.stringify(trigger?.outputs?.query)).toBe('{"constructor":"ctor","toString":"ts","hasOwnProperty":"own","__proto__":"qp","valueOf":"v"}');
  });

  it('in a form body, repeated or not, are fields like any other', async () => {
    const response = await post('?wait=true&constructor=ctor', '__proto__=proto&constructor=a&constructor=b&toString=t', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(200);
    const { runId, outputs } = outcomeSchema.parse(await response.json());
    expect(outputs).toEqual({ value: 'ctor|proto', matched: 'ctor|proto' });
    const { steps } = await server.app.caller.runs.get({ runId });
    expect(JSON.stringify(steps.find((step) => step.nodeId === 'hook')?.outputs?.body)).toBe('{"__proto__":"proto","constructor":["a","b"],"toString":"t"}');
  });
});

describe('malformed percent-encoding in a trigger URL', () => {
  it('is a 400 with a JSON error, not a 404 or a 500', async () => {
    const response = await server.fetch('/hooks/%E0%A4%A/hook', { method: 'POST', headers: { 'x-api-key': key } });
    expect(response.status).toBe(400);
    expect(errorSchema.parse(await response.json()).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('a run that cannot be recorded', () => {
  it('is never acknowledged: the trigger answers 503 RUN_INTERRUPTED without a run id, with or without ?wait=true', async () => {
    const before = await runCount();
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
    const failing = vi.spyOn(server.app.store.runRecords, 'write').mockRejectedValue(new Error('disk I/O error'));
    try {
      for (const query of ['?wait=true', '']) {
        const response = await post(query, '{"kind": "order"}');
        expect({ query, status: response.status }).toEqual({ query, status: 503 });
        const body: unknown = await response.json();
        expect(body).toEqual({ error: { code: 'RUN_INTERRUPTED', message: expect.stringContaining('could not be recorded') } });
        expect(JSON.stringify(body)).not.toContain('disk I/O');
      }
      await server.app.services.runs.whenIdle();
    } finally {
      failing.mockRestore();
      logged.mockRestore();
    }
    expect(await runCount()).toBe(before);
  });

  it('is not acknowledged by runs.start either', async () => {
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
    const failing = vi.spyOn(server.app.store.runRecords, 'write').mockRejectedValue(new Error('disk I/O error'));
    try {
      await expect(server.app.caller.runs.start({ flowId, payload: {} })).rejects.toMatchObject({ cause: { code: 'RUN_INTERRUPTED' } });
      await server.app.services.runs.whenIdle();
    } finally {
      failing.mockRestore();
      logged.mockRestore();
    }
  });
});
