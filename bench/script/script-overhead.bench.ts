// Script step overhead: cold start, warm trivial run, and write() round-trips against a local
// server, for the worker bundled the way the server ships it (esbuild) and from TS source (tsx).
// Run from the repo root:  cd packages/engine && npx tsx ../../bench/script/script-overhead.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createScriptPool, type RunScriptOptions, type ScriptPool } from '../../packages/engine/src/script/index';

const COLD_RUNS = 7;
const WARM_RUNS = 300;
const WRITE_RUNS = 200;
const WRITES_PER_SCRIPT = 50;

const engineSrc = new URL('../../packages/engine/src/script/', import.meta.url);

async function main(): Promise<void> {
  const server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end('{"ok":true,"ts":"1712345678.000100"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const request: RunScriptOptions['request'] = async (req, signal) => {
    const response = await fetch(`${baseUrl}/${req.path.replace(/^\//, '')}`, { method: req.method, headers: req.headers, body: req.body, signal });
    return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  };
  const options = (source: string): RunScriptOptions => ({ source, input: { Channel: 'C1', Message: 'hi' }, constants: {}, libraries: {}, request });

  const rows: string[][] = [];
  const bundleDir = await bundleWorker();
  const modes: [string, URL | undefined][] = [];
  if (bundleDir) modes.push(['bundled worker (esbuild, as shipped)', pathToFileURL(join(bundleDir, 'script-worker.js'))]);
  modes.push(['worker from TS source (tsx, dev/test)', new URL('script-worker.ts', engineSrc)]);

  // Baseline: the same request made directly on the main thread.
  const direct = await timeMany(WRITE_RUNS, async () => {
    await request({ endpoint: 'x', method: 'POST', path: '/chat.postMessage', headers: {}, body: '{}', autoEncodeURI: true }, new AbortController().signal);
  });
  rows.push(['direct fetch on the main thread (baseline)', 'one request', fmt(direct)]);

  for (const [label, workerUrl] of modes) {
    const coldSamples: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const started = performance.now();
      const pool = createScriptPool({ size: 1, workerUrl });
      await pool.run(options(`output.x = 1;`));
      coldSamples.push(performance.now() - started);
      await pool.close();
    }
    const cold = summarize(coldSamples);
    rows.push([label, 'cold: new pool, first trivial run (spawn + engine load)', fmt(cold)]);

    const afterWarmUp: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const pool = createScriptPool({ size: 1, workerUrl });
      await pool.warmUp();
      const started = performance.now();
      await pool.run(options(`output.x = 1;`));
      afterWarmUp.push(performance.now() - started);
      await pool.close();
    }
    rows.push([label, 'first trivial run after `pool.warmUp()` (server start)', fmt(summarize(afterWarmUp))]);

    const pool: ScriptPool = createScriptPool({ size: 1, workerUrl });
    await pool.warmUp();
    for (let i = 0; i < 20; i++) await pool.run(options(`output.x = 1;`));
    rows.push([label, 'warm: trivial script (`output.x = 1`)', fmt(await timeMany(WARM_RUNS, () => pool.run(options(`output.x = 1;`))))]);
    const spec = `var req = http.request({ endpoint: 'Slack', method: 'POST', path: '/chat.postMessage', headers: { 'Content-Type': 'application/json' } });
var resp = req.write({ channel: input['Channel'], text: input['Message'] });
if (resp.statusCode >= 300) throw new Error('Slack said ' + resp.body);
output['Timestamp'] = JSON.parse(resp.body).ts;`;
    rows.push([label, 'warm: SPEC §5 example (one write() round-trip)', fmt(await timeMany(WRITE_RUNS, () => pool.run(options(spec))))]);
    const many = await timeMany(20, () =>
      pool.run(options(`for (var i = 0; i < ${WRITES_PER_SCRIPT}; i++) http.request({ endpoint: 'Slack', path: '/x' }).write();`)),
    );
    rows.push([label, `warm: ${WRITES_PER_SCRIPT} write() calls in one script, per call`, fmt(scale(many, 1 / WRITES_PER_SCRIPT))]);
    await pool.close();
  }
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  server.close();

  console.log(`\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}\n`);
  console.log('| worker | measurement | min | median | p95 |');
  console.log('|---|---|---:|---:|---:|');
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
}

/** Bundles script-worker.ts the way the server build should; undefined when esbuild is not reachable. */
async function bundleWorker(): Promise<string | undefined> {
  let esbuild: typeof import('esbuild');
  try {
    // esbuild is a dependency of tsx (which the engine has as a dev dependency).
    const fromTsx = createRequire(createRequire(fileURLToPath(engineSrc)).resolve('tsx/package.json'));
    esbuild = await import(pathToFileURL(fromTsx.resolve('esbuild')).href);
  } catch {
    console.warn('esbuild not found: measuring the TS-source worker only');
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'flowyard-script-bench-'));
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL('script-worker.ts', engineSrc))],
    outfile: join(dir, 'script-worker.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return dir;
}

interface Timing {
  min: number;
  median: number;
  p95: number;
}

async function timeMany(count: number, fn: () => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

function summarize(samples: number[]): Timing {
  samples.sort((a, b) => a - b);
  return { min: samples[0] ?? 0, median: samples[Math.floor(samples.length / 2)] ?? 0, p95: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))] ?? 0 };
}

function scale(timing: Timing, factor: number): Timing {
  return { min: timing.min * factor, median: timing.median * factor, p95: timing.p95 * factor };
}

function fmt(timing: Timing): string {
  const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(0)) + ' ms';
  return `${ms(timing.min)} | ${ms(timing.median)} | ${ms(timing.p95)}`;
}

await main();
