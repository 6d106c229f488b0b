import type { FlowRow } from '@flowyard/db';
import type { EndpointUsage, FlowListItem } from '@flowyard/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';

// Issue 13: at 10,000 flows `flows.list` answered 1.7 MB and an endpoint's Usage (and its refused
// delete) every reference. Both page now; these tests run against 10,000 rows seeded in bulk.
const flowCount = 10_000;
const at = '2024-01-01T00:00:00.000Z';
const name = (i: number) => `Flow ${String(i).padStart(5, '0')}`;

let app: TestApp;
let endpointId: string;
beforeAll(async () => {
  app = await createTestApp();
  const endpoint = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Busy API', baseUrl: 'http://busy.example', auth: { type: 'none' } });
  endpointId = endpoint.id;
  const graph: FlowRow['graph'] = {
    nodes: [
      { id: 'trigger', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual trigger', config: { testPayload: '{}' } } },
      {
        id: 'call',
        type: 'http-request',
        position: { x: 0, y: 120 },
        data: { name: 'Call', config: { endpointId, method: 'GET', path: '/', headers: [], body: '', autoEncodeURI: true, timeoutMs: 30_000 } },
      },
    ],
    edges: [{ id: 'e', source: 'trigger', target: 'call', sourceHandle: null }],
  };
  // Through the store in bulk, 500 rows a statement (both dialects bound their parameters).
  for (let start = 0; start < flowCount; start += 500) {
    const rows: FlowRow[] = [];
    for (let i = start; i < Math.min(flowCount, start + 500); i++) {
      rows.push({ id: `flow-${i}`, workflowId: app.workflowId, name: name(i), graph, version: 1, enabled: true, createdAt: at, updatedAt: at });
    }
    await app.store.repos.flows.insertMany(
      rows,
      rows.map((row) => ({ endpointId, flowId: row.id, nodeId: 'call', stepName: 'Call' })),
      [],
    );
  }
  const run = (id: string, flowId: string, startedAt: string, status: 'succeeded' | 'failed') => ({
    id,
    flowId,
    workflowId: app.workflowId,
    flowVersion: 1,
    status,
    triggerType: 'manual' as const,
    triggerNodeId: 'trigger',
    userId: app.admin.id,
    payload: {},
    startedAt,
    finishedAt: startedAt,
  });
  await app.store.runRecords.write({
    runs: [run('r1', 'flow-1', '2024-02-01T00:00:00.000Z', 'succeeded'), run('r2', 'flow-1', '2024-02-02T00:00:00.000Z', 'failed')],
    steps: [],
    runUpdates: [],
  });
}, 120_000);
afterAll(() => app.close());

describe('the Flows list at 10,000 flows', () => {
  it('answers one page by name with the counts and each flow’s last run, small whatever the workspace', async () => {
    const page = await app.caller.flows.list({ workflowId: app.workflowId });
    expect(page.items).toHaveLength(50);
    expect(page.total).toBe(flowCount);
    expect(page.matching).toBe(flowCount);
    expect(page.items.slice(0, 3).map((f) => f.name)).toEqual([name(0), name(1), name(2)]);
    expect(page.items[1]?.lastRun).toEqual({ status: 'failed', startedAt: '2024-02-02T00:00:00.000Z', finishedAt: '2024-02-02T00:00:00.000Z' });
    expect(page.items[0]?.lastRun).toBeNull();
    expect(page.items[0]).not.toHaveProperty('graph');
    expect(JSON.stringify(page).length).toBeLessThan(20_000);
  });

  it("walks every flow once, in order, page after page", { timeout: 60_000 }, async () => {
    const seen: FlowListItem[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof app.caller.flows.list>> = await app.caller.flows.list({ workflowId: app.workflowId, cursor, limit: 200 });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(flowCount);
    expect(new Set(seen.map((f) => f.id)).size).toBe(flowCount);
    expect(seen.at(-1)?.name).toBe(name(flowCount - 1));
  });

  it('searches by part of the name, in any case, counting the matches', async () => {
    const page = await app.caller.flows.list({ workflowId: app.workflowId, search: 'flow 0999' });
    expect(page.matching).toBe(10);
    expect(page.total).toBe(flowCount);
    expect(page.items.map((f) => f.name)).toEqual(Array.from({ length: 10 }, (_, i) => name(9990 + i)));
    expect(page.nextCursor).toBeNull();
    expect((await app.caller.flows.list({ workflowId: app.workflowId, search: '%' })).matching).toBe(0);
    expect(await apiErrorOf(app.caller.flows.list({ workflowId: app.workflowId, cursor: 'garbage' }))).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'cursor' }] });
  });
});

describe("an endpoint's Usage at 10,000 uses", () => {
  it("pages the uses with their count, and walks all of them once", { timeout: 60_000 }, async () => {
    const first = await app.caller.endpoints.usage({ id: endpointId });
    expect(first.items).toHaveLength(100);
    expect(first.total).toBe(flowCount);
    expect(first.counts).toEqual({ step: flowCount, script: 0, integration: 0 });
    expect(first.items[0]).toEqual({ kind: 'step', flowId: 'flow-0', flowName: name(0), nodeId: 'call', stepName: 'Call' });
    expect(JSON.stringify(first).length).toBeLessThan(20_000);

    const seen: EndpointUsage[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof app.caller.endpoints.usage>> = await app.caller.endpoints.usage({ id: endpointId, cursor, limit: 500 });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(flowCount);
    expect(new Set(seen.map((u) => (u.kind === 'step' ? u.flowId : u.kind === 'script' ? u.customStepId : u.integrationId))).size).toBe(flowCount);
  });

  it('a refused delete carries the count and the first few uses, not all of them', async () => {
    const refused = await apiErrorOf(app.caller.endpoints.delete({ id: endpointId }));
    expect(refused).toMatchObject({ code: 'ENDPOINT_IN_USE', message: 'Endpoint "Busy API" is used by 10,000 steps and cannot be deleted; remove it from those steps first' });
    expect(refused.details).toMatchObject({ total: flowCount, counts: { step: flowCount, script: 0 } });
    expect(refused.details.usage).toHaveLength(5);
    expect(JSON.stringify(refused.details).length).toBeLessThan(2_000);
  });
});
