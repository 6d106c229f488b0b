import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { log } from '../log';
import { startHookTestServer, type HookTestServer } from '../triggers/hook-test-server';

// SPEC §7a, as a property: whatever a caller sends, the answer is never a 5xx, and every 2xx answer
// that names a run has that run in the database. Some calls meet a database that refuses to write:
// those may answer 503 RUN_INTERRUPTED (and no run id), nothing else of the 5xx.
const position = { x: 0, y: 0 };
let server: HookTestServer;
let flowId: string;
let triggerKey: string;
let editorKey: string;
beforeAll(async () => {
  server = await startHookTestServer();
  flowId = await server.flow('Anything goes', {
    nodes: [
      { id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } },
      { id: 'manual', type: 'manual-trigger', position, data: { name: 'Manual', config: {} } },
    ],
    edges: [],
  });
  triggerKey = (await server.userWithKey('rest')).key;
  editorKey = (await server.userWithKey('developer')).key;
});
afterAll(() => server.close());

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'wait', 'a b', 'é', '');
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 40 }), hostileKey);
/** JSON of any shape, wrapped in 0 to 130 arrays or objects (the limit is 64), now and then in thousands. */
const nestedJson = fc
  .tuple(fc.jsonValue({ maxDepth: 3 }), fc.oneof(fc.nat(130), fc.constant(5000)), fc.boolean(), hostileKey)
  .map(([leaf, depth, arrays, key]) => {
    const inner = JSON.stringify(leaf ?? null);
    return arrays ? `${'['.repeat(depth)}${inner}${']'.repeat(depth)}` : `${`{${JSON.stringify(key)}:`.repeat(depth)}${inner}${'}'.repeat(depth)}`;
  });
const formBody = fc.array(fc.tuple(hostileKey, text), { maxLength: 6 }).map((fields) => new URLSearchParams(fields).toString());
const body = fc.oneof(nestedJson, formBody, text, fc.constantFrom('', '{', '{"a":', '[1,]', '%E0%A4%A', '\u0000'));
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/vnd.api+json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'text/plain; charset=iso-8859-1',
  'text/plain; charset=nope',
  'application/xml',
  'application/octet-stream',
  '',
);
const query = fc.array(fc.tuple(hostileKey, text), { maxLength: 4 }).chain((pairs) =>
  fc.constantFrom('', 'wait=true', 'wait=false', 'wait').map((wait) => new URLSearchParams(pairs).toString() + (wait === '' ? '' : `&${wait}`)),
);

const answerSchema = z.union([
  z.object({ runId: z.string(), status: z.string() }).loose(),
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
]);
const startAnswerSchema = z.union([
  z.object({ result: z.object({ data: z.object({ runId: z.string() }) }) }),
  z.object({ error: z.object({ message: z.string(), data: z.looseObject({ code: z.string() }) }) }),
]);

const acknowledged = new Set<string>();

/** Calls with writes refused when `failWrites`, checks the status, and returns the run id a 2xx answer named, if any. */
async function call(failWrites: boolean, send: () => Promise<Response>): Promise<{ status: number; runId: string | undefined; body: unknown }> {
  await server.app.services.runs.whenIdle();
  const failing = failWrites ? vi.spyOn(server.app.store.runRecords, 'write').mockRejectedValue(new Error('disk I/O error')) : undefined;
  const quiet = failWrites ? vi.spyOn(log, 'error').mockImplementation(() => {}) : undefined;
  try {
    const response = await send();
    const raw = await response.text();
    const body: unknown = raw === '' ? null : JSON.parse(raw);
    await server.app.services.runs.whenIdle();
    const named = z.object({ runId: z.string() }).or(z.object({ result: z.object({ data: z.object({ runId: z.string() }) }) })).safeParse(body);
    const runId = !named.success ? undefined : 'runId' in named.data ? named.data.runId : named.data.result.data.runId;
    if (response.status >= 500) {
      expect({ failWrites, status: response.status, body: raw }).toEqual({ failWrites: true, status: 503, body: expect.stringContaining('RUN_INTERRUPTED') });
    }
    return { status: response.status, runId: response.status < 300 ? runId : undefined, body };
  } finally {
    failing?.mockRestore();
    quiet?.mockRestore();
  }
}

async function expectRecorded(runId: string | undefined): Promise<void> {
  if (runId === undefined) return;
  acknowledged.add(runId);
  const { run } = await server.app.services.runs.get(runId);
  expect(run.id).toBe(runId);
}

describe('an acknowledged run is always a recorded run', () => {
  it('plain valid calls, with and without wait, are acknowledged and recorded', async () => {
    // The generated inputs below are mostly hostile; these make sure the property also sees answered runs.
    for (let i = 0; i < 12; i++) {
      const wait = i % 2 === 0 ? '?wait=true' : '';
      const answer = await call(false, () => server.fetch(`/hooks/${flowId}/hook${wait}`, { method: 'POST', headers: { 'x-api-key': triggerKey, 'content-type': 'application/json' }, body: JSON.stringify({ i }) }));
      expect(answer.runId).toBeDefined();
      await expectRecorded(answer.runId);
    }
  });

  it('for any HTTP trigger call: no 5xx, and every 2xx with a run id is in the database', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(body, contentType, query, fc.constantFrom('POST', 'POST', 'POST', 'GET'), fc.double({ min: 0, max: 1, noNaN: true }), async (sent, type, search, method, chance) => {
        const headers: Record<string, string> = { 'x-api-key': triggerKey };
        if (type !== '') headers['content-type'] = type;
        const answer = await call(chance < 0.15, () => server.fetch(`/hooks/${flowId}/hook?${search}`, { method, headers, ...(method === 'POST' ? { body: sent } : {}) }));
        expect(answerSchema.safeParse(answer.body).success).toBe(true);
        await expectRecorded(answer.runId);
      }),
      { numRuns: 80 },
    );
  });

  it('for any runs.start payload: no 5xx, and every run id answered is in the database', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nestedJson, fc.json({ maxDepth: 4 })), fc.double({ min: 0, max: 1, noNaN: true }), async (payload, chance) => {
        const answer = await call(chance < 0.15, () =>
          server.fetch('/trpc/runs.start', {
            method: 'POST',
            headers: { authorization: `Bearer ${editorKey}`, 'content-type': 'application/json' },
            body: `{"flowId": ${JSON.stringify(flowId)}, "triggerNodeId": "manual", "payload": ${payload}}`,
          }),
        );
        expect(startAnswerSchema.safeParse(answer.body).success).toBe(true);
        await expectRecorded(answer.runId);
      }),
      { numRuns: 60 },
    );
  });

  it('a payload of JSON null is recorded like any other (the property found it refused by the database)', async () => {
    const { runId } = await server.app.caller.runs.start({ flowId, triggerNodeId: 'manual', payload: null });
    await server.app.services.runs.whenIdle();
    acknowledged.add(runId);
    const { run, steps } = await server.app.caller.runs.get({ runId });
    expect(run.status).toBe('succeeded');
    expect(steps[0]?.outputs).toEqual({ body: null });
  });

  it('and no run was recorded that was not acknowledged', async () => {
    const [row] = await server.app.sql.query('SELECT count(*) AS n FROM runs WHERE flow_id = ?', [flowId]);
    expect(Number(row?.n)).toBe(acknowledged.size);
    expect(acknowledged.size).toBeGreaterThan(10);
  });
});
