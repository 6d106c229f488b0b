// Runs/s of HTTP-triggered runs (`?wait=true`) on SQLite and on PostgreSQL, the same server
// composition in one process (role `all`), against a local target. A small, quick comparison of
// the two stores, not the issue-12 harness (that one starts separate web and worker processes).
//
//   cd apps/server && npx tsx ../../bench/scale/scale.bench.ts [--runs 400] [--steps 1,5] [--concurrency 16,64]
//
// PostgreSQL: the machine's server (FLOWYARD_TEST_PG_URL, default 127.0.0.1:5432 trusting local
// connections); a fresh database per case, dropped afterwards.
import type { FlowSaveInput } from '@flowyard/engine';
import { createTestDatabase, dropTestDatabases } from '../../packages/db/src/testing/index';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createApp } from '../../apps/server/src/http/app';
import { startTargetServer } from '../../apps/server/src/testing/target-server';
import { createTestApp } from '../../apps/server/src/testing/test-app';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '400' }, steps: { type: 'string', default: '1,5' }, concurrency: { type: 'string', default: '16,64' } } });
const runCount = Number(values.runs);
const stepCounts = values.steps.split(',').map(Number);
const concurrencies = values.concurrency.split(',').map(Number);

function graph(endpointId: string, steps: number): FlowSaveInput['graph'] {
  const position = { x: 0, y: 0 };
  const ids = Array.from({ length: steps }, (_, i) => `call${i}`);
  return {
    nodes: [
      { id: 'hook', type: 'http-trigger', position, data: { name: 'Webhook', config: {} } },
      ...ids.map((id, i) => ({ id, type: 'http-request' as const, position, data: { name: `Call ${i}`, config: { endpointId, method: 'GET' as const, path: '/x' } } })),
    ],
    edges: ids.map((id, i) => ({ id: `e${i}`, source: i === 0 ? 'hook' : (ids[i - 1] ?? 'hook'), target: id })),
  };
}

async function measure(dialect: 'sqlite' | 'postgres', steps: number, concurrency: number, runs = runCount): Promise<{ runsPerSecond: number; p99Ms: number; failed: number }> {
  const target = await startTargetServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  // SQLite in a file (WAL, writer thread) as `pnpm start` keeps it, not in memory.
  const database = await createTestDatabase({ dialect, reopenable: true });
  const app = await createTestApp({ database });
  const listener = createApp({ services: app.services, webDist: '/nonexistent-web-dist' });
  const http = createServer(listener);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}`;
  try {
    const endpoint = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Target', baseUrl: target.url, trustSelfSigned: false, auth: { type: 'none' } });
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: `run${steps}` });
    await app.caller.flows.save({ id: flow.id, version: flow.version, graph: graph(endpoint.id, steps) });
    const flowId = flow.id;
    const { key } = await app.services.apiKeys.createAs(app.admin, { userId: app.admin.id, name: 'bench' });
    const call = async (): Promise<boolean> => {
      const response = await fetch(`${url}/hooks/${flowId}/hook?wait=true`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{"n":1}' });
      const body = (await response.json()) as { status?: string };
      return response.status === 200 && body.status === 'succeeded';
    };
    // Warm-up: connections, JIT, caches.
    await Promise.all(Array.from({ length: Math.min(concurrency, 32) }, call));
    const latencies: number[] = [];
    let failed = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < runs) {
          next += 1;
          const at = performance.now();
          if (!(await call())) failed += 1;
          latencies.push(performance.now() - at);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return { runsPerSecond: latencies.length / seconds, p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0, failed };
  } finally {
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await app.close();
    await database.drop();
    await target.close();
  }
}

// A discarded round on each store first: the first case would otherwise pay for JIT and module loading.
await measure('sqlite', 1, 8, 50);
await measure('postgres', 1, 8, 50);
const rows: string[] = [];
for (const steps of stepCounts) {
  for (const concurrency of concurrencies) {
    const sqlite = await measure('sqlite', steps, concurrency);
    const pg = await measure('postgres', steps, concurrency);
    rows.push(
      `| run${steps} | ${concurrency} | ${sqlite.runsPerSecond.toFixed(0)} | ${sqlite.p99Ms.toFixed(0)} ms | ${pg.runsPerSecond.toFixed(0)} | ${pg.p99Ms.toFixed(0)} ms | ${((100 * pg.runsPerSecond) / sqlite.runsPerSecond).toFixed(0)}% | ${sqlite.failed + pg.failed} |`,
    );
    console.error(rows.at(-1));
  }
}
await dropTestDatabases();
console.log(`${runCount} runs per case\n\n| flow | c | SQLite runs/s | SQLite p99 | PostgreSQL runs/s | PostgreSQL p99 | PG / SQLite | failed |\n|---|---:|---:|---:|---:|---:|---:|---:|\n${rows.join('\n')}`);
