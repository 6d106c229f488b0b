#!/usr/bin/env node
// 10-step flow benchmark: the BUILT server (apps/server/dist/main.js) on a fresh temp data folder,
// driven only through its tRPC HTTP API, against a local target server. Compares a flow of ten
// chained custom (script) steps, each making one http.request(...).write(), with a flow of ten
// plain HTTP Request steps. Loopback only; every loop is bounded.
//
//   pnpm build && pnpm bench:flow              # 3 repeats, each on a fresh server
//   node bench/flow/flow-bench.mjs --runs 30 --concurrency 4 --repeats 3 --delay 0 [--server path/to/main.js]
//
// Not a test: it asserts nothing about speed, it only reports.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startBenchServer, trpc } from '../support/bench-server.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '4' },
    repeats: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '8' },
    delay: { type: 'string', default: '0' },
    steps: { type: 'string', default: '10' },
    // Another build of the server, e.g. one made from a clean export of a commit.
    server: { type: 'string', default: process.env.FLOWYARD_BENCH_SERVER_MAIN ?? '' },
  },
});
const RUNS = boundedInt(args.runs, 'runs', 1, 1000);
const CONCURRENCY = boundedInt(args.concurrency, 'concurrency', 1, 32);
const REPEATS = boundedInt(args.repeats, 'repeats', 1, 10);
const WARMUP = boundedInt(args.warmup, 'warmup', 0, 100);
const TARGET_DELAY_MS = boundedInt(args.delay, 'delay', 0, 5000);
const STEPS = boundedInt(args.steps, 'steps', 1, 50);
const RUN_TIMEOUT_MS = 60_000;
const BASELINE_REQUESTS = 200;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const serverMain = args.server ? resolve(args.server) : join(repoRoot, 'apps/server/dist/main.js');

function boundedInt(text, name, min, max) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Local target: answers every POST with a small JSON body after TARGET_DELAY_MS.

async function startTarget() {
  let count = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      count++;
      const reply = () => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ ok: true, n: count, got: Buffer.concat(chunks).length }));
      };
      if (TARGET_DELAY_MS > 0) setTimeout(reply, TARGET_DELAY_MS);
      else reply();
    });
  });
  const port = await new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePort(server.address().port));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    get count() {
      return count;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The server under test: bench/support/bench-server.mjs.

const startServer = () => startBenchServer({ serverMain, repoRoot });

// ---------------------------------------------------------------------------------------------
// Flows: trigger → STEPS chained steps, each step's input mapped from the one before.

const SCRIPT = `var resp = http.request({ endpoint: 'Target', method: 'POST', path: '/echo', headers: { 'Content-Type': 'application/json' } }).write({ n: input['N'] });
output['Status'] = String(resp.statusCode);`;

async function seed(api, targetUrl) {
  const workflows = await api.query('workflows.list');
  const workflowId = (workflows.find((w) => w.name === 'Default') ?? workflows[0]).id;
  const endpoint = await api.mutation('endpoints.create', { workflowId, name: 'Bench target', baseUrl: targetUrl, trustSelfSigned: false, auth: { type: 'none' } });
  const step = await api.mutation('customSteps.create', {
    workflowId,
    step: {
      name: 'Bench post',
      inputs: [{ id: 'n', label: 'N', required: true }],
      outputs: [{ id: 'status', label: 'Status' }],
      includeEndpoint: true,
      endpointLabel: 'Target',
      script: SCRIPT,
    },
  });

  const chain = async (name, makeStep) => {
    const flow = await api.mutation('flows.create', { workflowId, name });
    const nodes = [{ id: 't', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual Trigger', config: { testPayload: '{"n": 1}' } } }];
    const edges = [];
    for (let i = 1; i <= STEPS; i++) {
      const previous = i === 1 ? null : `Step ${i - 1}`;
      nodes.push({ id: `s${i}`, position: { x: 0, y: i * 120 }, ...makeStep(`Step ${i}`, previous) });
      edges.push({ id: `e${i}`, source: i === 1 ? 't' : `s${i - 1}`, target: `s${i}`, sourceHandle: null });
    }
    await api.mutation('flows.save', { id: flow.id, version: flow.version, graph: { nodes, edges } });
    return flow.id;
  };

  const scriptFlow = await chain(`${STEPS} script steps`, (name, previous) => ({
    type: 'custom-step',
    data: {
      name,
      config: { customStepId: step.id, endpointId: endpoint.id, inputs: { n: previous ? `{{${previous}.Status}}` : '{{trigger.body.n}}' } },
    },
  }));
  const httpFlow = await chain(`${STEPS} HTTP Request steps`, (name, previous) => ({
    type: 'http-request',
    data: {
      name,
      config: {
        endpointId: endpoint.id,
        method: 'POST',
        path: '/echo',
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        body: `{"n": "${previous ? `{{${previous}.status}}` : '{{trigger.body.n}}'}"}`,
        autoEncodeURI: true,
        timeoutMs: 10_000,
      },
    },
  }));
  return { scriptFlow, httpFlow };
}

// ---------------------------------------------------------------------------------------------
// Runs. The end of a run is learnt from the flow's live events (runs.events, SSE), as the
// Activity panel learns it, rather than by polling, which would load the server under test.

/** Follows `runs.events` of one flow; `finished(runId)` resolves when that run's record ends. */
async function followRuns(baseUrl, flowId, headers) {
  const controller = new AbortController();
  const ended = new Map();
  const waiting = new Map();
  const response = await fetch(`${baseUrl}/trpc/runs.events?input=${encodeURIComponent(JSON.stringify({ flowId }))}`, {
    headers: { ...headers, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`runs.events: ${response.status}`);
  let connected;
  const ready = new Promise((r) => (connected = r));
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const eventName = /^event: ?(.*)$/m.exec(block)?.[1];
          if (eventName === 'connected') connected();
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trimStart())
            .join('\n');
          if (eventName || data === '') continue;
          const event = JSON.parse(data);
          if (event?.type !== 'run' || event.run.status === 'running') continue;
          ended.set(event.run.id, event.run);
          waiting.get(event.run.id)?.(event.run);
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
  })();
  await Promise.race([ready, reading, new Promise((_, reject) => setTimeout(() => reject(new Error('runs.events did not connect')), 10_000))]);
  return {
    finished(runId) {
      if (ended.has(runId)) return Promise.resolve(ended.get(runId));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`run ${runId} still running after ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS);
        waiting.set(runId, (run) => {
          clearTimeout(timer);
          waiting.delete(runId);
          resolve(run);
        });
      });
    },
    async close() {
      controller.abort();
      await reading.catch(() => undefined);
    },
  };
}

/** Starts one run and waits for its end; returns the server's run duration, the client's wall time and step figures. */
async function runOnce(api, events, flowId, n) {
  const started = performance.now();
  const { runId } = await api.mutation('runs.start', { flowId, payload: { n } });
  await events.finished(runId);
  const wallMs = performance.now() - started;
  const { run, steps } = await api.query('runs.get', { runId });
  if (run.status !== 'succeeded') {
    const failed = steps.find((s) => s.status === 'failed');
    const error = failed?.error ?? run.error;
    const statuses = steps.map((s) => `${s.name}=${s.status}`).join(', ');
    throw new Error(`run ${runId} ${run.status}: ${error ? `${failed?.name ?? 'run'}: ${error.code} ${error.message}` : 'no error recorded'} (${statuses})`);
  }
  if (steps.filter((s) => s.status === 'succeeded').length !== STEPS + 1) throw new Error(`run ${runId} did not run every step`);
  const serverMs = run.durationMs ?? Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  const work = steps.filter((s) => s.stepType !== 'manual-trigger');
  // Time inside a step that is not its HTTP exchange: sandbox, mapping, records.
  const inStep = work.map((s) => s.durationMs - s.exchanges.reduce((sum, x) => sum + x.durationMs, 0));
  const between = (serverMs - steps.reduce((sum, s) => sum + (s.durationMs ?? 0), 0)) / work.length;
  return { serverMs, wallMs, inStep, between };
}

/** `total` runs with at most `concurrency` in flight; runs/s is over the whole batch's wall time. */
async function batch(api, events, flowId, total, concurrency) {
  const results = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const n = next++;
      results.push(await runOnce(api, events, flowId, n));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    runsPerSecond: total / seconds,
    server: results.map((r) => r.serverMs),
    wall: results.map((r) => r.wallMs),
    inStep: results.flatMap((r) => r.inStep),
    between: results.map((r) => r.between),
  };
}

/** The target's own latency as a client on this machine sees it (keep-alive, like the server's client). */
async function targetLatency(targetUrl) {
  const samples = [];
  for (let i = 0; i < BASELINE_REQUESTS; i++) {
    const t = performance.now();
    const response = await fetch(`${targetUrl}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":"1"}' });
    await response.text();
    samples.push(performance.now() - t);
  }
  return percentile(samples.slice(20), 50);
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const median = (values) => percentile(values, 50);

// ---------------------------------------------------------------------------------------------

async function oneRepeat(repeat) {
  const target = await startTarget();
  const server = await startServer();
  try {
    const api = trpc(server.url);
    await api.signIn();
    const flows = await seed(api, target.baseUrl);
    const latency = await targetLatency(target.baseUrl);
    const rows = [];
    for (const [kind, flowId] of [
      ['script', flows.scriptFlow],
      ['http', flows.httpFlow],
    ]) {
      // Warm up at full concurrency, so the pool's extra workers (spawned when scripts overlap)
      // exist and have warmed before the measured concurrent batch; they retire after 30 s idle,
      // so the concurrent batch runs first and the sequential one (one worker at a time) after.
      const events = await followRuns(server.url, flowId, api.headers);
      if (WARMUP > 0) await batch(api, events, flowId, WARMUP, CONCURRENCY);
      const measured = [];
      for (const [mode, concurrency] of [
        [`${CONCURRENCY} concurrent`, CONCURRENCY],
        ['sequential', 1],
      ]) {
        const result = await batch(api, events, flowId, RUNS, concurrency);
        const p50 = percentile(result.server, 50);
        measured.unshift({
          kind,
          mode,
          runsPerSecond: result.runsPerSecond,
          p50,
          p99: percentile(result.server, 99),
          wallP50: percentile(result.wall, 50),
          perStep: p50 / STEPS - latency,
          inStep: percentile(result.inStep, 50),
          between: percentile(result.between, 50),
        });
      }
      await events.close();
      rows.push(...measured);
    }
    process.stderr.write(`repeat ${repeat}: target latency ${latency.toFixed(2)} ms, ${target.count} target requests\n`);
    return { latency, rows };
  } catch (error) {
    process.stderr.write(`server output (tail):\n${server.logTail()}\n`);
    throw error;
  } finally {
    await server.stop();
    await target.close();
  }
}

async function main() {
  if (!existsSync(serverMain)) {
    console.error(`${serverMain} does not exist; run "pnpm build" in the repository root first.`);
    process.exit(1);
  }
  const repeats = [];
  for (let r = 1; r <= REPEATS; r++) repeats.push(await oneRepeat(r));

  const labels = { script: `${STEPS} custom (script) steps`, http: `${STEPS} HTTP Request steps` };
  console.log(`\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
  console.log(
    `${RUNS} runs per row (after ${WARMUP} warm-up runs, ${CONCURRENCY} at a time), median of ${REPEATS} repeat(s), each on a fresh server; target delay ${TARGET_DELAY_MS} ms, ` +
      `measured target latency ${median(repeats.map((r) => r.latency)).toFixed(2)} ms (median).\n`,
  );
  console.log('| flow | mode | runs/s | run p50 (ms) | run p99 (ms) | client p50 (ms) | per-step overhead (ms) | in-step, not HTTP (ms) | between steps (ms) |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  const first = repeats[0].rows;
  first.forEach((row, index) => {
    const pick = (key) => median(repeats.map((r) => r.rows[index][key]));
    console.log(
      `| ${labels[row.kind]} | ${row.mode} | ${pick('runsPerSecond').toFixed(1)} | ${pick('p50').toFixed(0)} | ${pick('p99').toFixed(0)} | ` +
        `${pick('wallP50').toFixed(0)} | ${pick('perStep').toFixed(1)} | ${pick('inStep').toFixed(1)} | ${pick('between').toFixed(1)} |`,
    );
  });
  console.log(
    '\nrun p50/p99: the server’s run duration (run record); client p50: runs.start until the run’s end arrived on runs.events; ' +
      `per-step overhead: run p50 / ${STEPS} − target latency; in-step, not HTTP: median of a step's duration minus its exchanges' ` +
      'durations (sandbox, mapping, records); between steps: run duration minus the steps\' durations, per step (scheduling, records).',
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
