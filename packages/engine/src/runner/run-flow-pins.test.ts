import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/http-client';
import { parsePinnedOutputsText, stepPinsSchema, MAX_PINS } from '../flow/step-pins';
import { flowGraphSchema } from '../flow/flow-graph';
import { startLocalServer, type LocalServer } from '../testing/local-server';
import { call, edge, graphOf, manualTrigger, runAgainst } from './run-flow-test-kit';

const http = createHttpClient();
afterAll(() => http.close());
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const pinned = { a: { outputs: { status: 201, body: { id: 'pinned-7' } }, runId: null, pinnedAt: '2026-12-05T08:00:00.000Z' } };
const flow = () => graphOf([manualTrigger, call('a', 'Create'), call('b', 'Notify', '/notify/{{Create.body.id}}')], [edge('t', 'a'), edge('a', 'b')], pinned);

describe('pinned outputs', () => {
  it('a manual run takes the pin instead of running the step, and later steps read it', async () => {
    const server = await startLocalServer((_req, res) => res.end('{"id":"live"}'));
    servers.push(server);
    const { summary, final } = await runAgainst(flow(), server.url, http);
    expect(summary.status).toBe('succeeded');
    expect(final('Create')).toMatchObject({ status: 'succeeded', pinned: true, outputs: { status: 201, body: { id: 'pinned-7' } }, exchanges: [] });
    expect(final('Notify')?.pinned).toBeUndefined();
    // The target saw only the step after the pinned one.
    expect(server.requests.map((r) => r.url)).toEqual(['/notify/pinned-7']);
  });

  it('a run started by an HTTP trigger call ignores pins', async () => {
    const server = await startLocalServer((_req, res) => res.setHeader('content-type', 'application/json').end('{"id":"live"}'));
    servers.push(server);
    const { final } = await runAgainst(flow(), server.url, http, { type: 'http' });
    expect(final('Create')?.pinned).toBeUndefined();
    expect(server.requests.map((r) => r.url)).toEqual(['/a', '/notify/live']);
  });

  it('pins are bounded: count, depth, size, and typed JSON must be an object', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    const at = '2026-12-05T08:00:00.000Z';
    expect(stepPinsSchema.safeParse({ a: { outputs: { x: deep }, pinnedAt: at } }).error?.issues[0]?.message).toMatch(/at most 32 levels/);
    expect(stepPinsSchema.safeParse({ a: { outputs: { x: 'y'.repeat(300 * 1024) }, pinnedAt: at } }).error?.issues[0]?.message).toMatch(/256 KiB/);
    const many = Object.fromEntries(Array.from({ length: MAX_PINS + 1 }, (_, i) => [`n${i}`, { outputs: {}, pinnedAt: at }]));
    expect(stepPinsSchema.safeParse(many).error?.issues[0]?.message).toMatch(/at most 200 pinned/);
    expect(parsePinnedOutputsText('[1]')).toMatchObject({ ok: false });
    expect(parsePinnedOutputsText('{"status": 2')).toMatchObject({ ok: false, message: expect.stringMatching(/Not valid JSON/) });
    expect(parsePinnedOutputsText('{"status": 200}')).toEqual({ ok: true, outputs: { status: 200 } });
    // A flow saved before pins existed still parses.
    expect(flowGraphSchema.parse({ nodes: [], edges: [] }).pins).toBeUndefined();
  });
});
