#!/usr/bin/env node
// Engine hot path micro-benchmark: HTTP trigger → one HTTP Request step against a local
// node:http target, runFlow called N times with concurrency C and a no-op sink. Prints the
// process CPU per run (user + system of this process only; the target runs in a child) and the
// wall time. The engine's source is bundled first with esbuild the way apps/server/build.mjs
// bundles it (no keepNames helpers, dependencies inlined), so the code measured is the shipped kind:
//
//   node bench/engine-hot-path/run.mjs [--runs 10000] [--concurrency 16] [--own-controller] [--engine path/to/src/index.ts]
//
// Not a test: it asserts nothing about speed, it only reports. Loopback only; bounded.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '16' },
    warmup: { type: 'string', default: '1000' },
    // Own controller per run passed as `abortController` (new API) rather than `signal`.
    'own-controller': { type: 'boolean', default: false },
    // Another copy of the engine's source (e.g. a `git archive` of an older commit) to compare with.
    engine: { type: 'string', default: '' },
  },
});
const RUNS = bounded(args.runs, 1, 200_000);
const CONCURRENCY = bounded(args.concurrency, 1, 256);
const WARMUP = bounded(args.warmup, 0, 50_000);
const engineEntry = args.engine === '' ? fileURLToPath(new URL('../../packages/engine/src/index.ts', import.meta.url)) : args.engine;
const { createHttpClient, flowGraphSchema, runFlow } = await importBundled(engineEntry);

// esbuild is the server's build dependency; borrowed from there.
async function importBundled(entry) {
  const { build } = createRequire(new URL('../../apps/server/package.json', import.meta.url))('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'engine-hot-path-'));
  try {
    const outfile = join(dir, 'engine.mjs');
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);" },
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function bounded(text, min, max) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`expected a whole number from ${min} to ${max}, got "${text}"`);
  return n;
}

await main();

async function main() {
const child = fork(fileURLToPath(new URL('./target.mjs', import.meta.url)), [], { execArgv: [] });
const port = await new Promise((resolve, reject) => {
  child.once('message', resolve);
  child.once('exit', (code) => reject(new Error(`target exited with ${code}`)));
});

const endpoint = { id: 'ep', name: 'Target', baseUrl: `http://127.0.0.1:${port}`, trustSelfSigned: false, auth: { type: 'none' } };
const endpoints = { get: async (id) => (id === 'ep' ? endpoint : undefined), getByName: async () => undefined };
const position = { x: 0, y: 0 };
const graph = flowGraphSchema.parse({
  nodes: [
    { id: 't', type: 'http-trigger', position, data: { name: 'HTTP trigger', config: {} } },
    { id: 's1', type: 'http-request', position, data: { name: 'Step 1', config: { endpointId: 'ep', method: 'GET', path: '/', timeoutMs: 10_000 } } },
  ],
  edges: [{ id: 'e1', source: 't', target: 's1' }],
});
const http = createHttpClient();
const user = { id: 'u', name: 'Bench', email: 'bench@example.com' };
let counter = 0;
let failed = 0;

async function oneRun() {
  const id = String(++counter);
  const payload = { body: { hello: 'world' }, headers: { 'content-type': 'application/json', 'user-agent': 'wrk' }, query: {} };
  const controller = new AbortController();
  const summary = await runFlow({
    runId: id,
    user,
    flow: { id: 'f', version: 1, graph },
    trigger: { nodeId: 't', payload, type: 'http' },
    endpoints,
    http,
    sink: () => {},
    ...(args['own-controller'] ? { abortController: controller } : { signal: controller.signal }),
  });
  if (summary.status !== 'succeeded') failed++;
}

async function drive(total) {
  let left = total;
  const worker = async () => {
    while (left > 0) {
      left--;
      await oneRun();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

await drive(WARMUP);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await drive(RUNS);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
await http.close();
child.disconnect();
const us = (cpu.user + cpu.system) / RUNS;
console.log(
  JSON.stringify({ runs: RUNS, concurrency: CONCURRENCY, failed, cpuUsPerRun: Math.round(us), userUsPerRun: Math.round(cpu.user / RUNS), wallMs: Math.round(wall), runsPerSec: Math.round((RUNS / wall) * 1000) }),
);
}
