#!/usr/bin/env node
// Canvas bench: how fluid the flow editor stays as flows grow. The BUILT server (apps/server/dist,
// serving apps/web/dist or FLOWYARD_WEB_DIST) on a fresh temp data folder; flows of 10, 300 and
// 1,000 steps seeded through its tRPC API; Debian's Chromium (headless, through Playwright) opens
// each flow, drags one step and pans the canvas with the real mouse, one move every 16 ms, while
// the page records frame intervals (requestAnimationFrame) and long tasks (PerformanceObserver).
//
//   pnpm build && node bench/canvas/canvas-bench.mjs [--sizes 10,300,1000] [--moves 90] [--repeats 3]
//   FLOWYARD_WEB_DIST=/path/to/other/web/dist node bench/canvas/canvas-bench.mjs   # another web build
//
// Loopback only, every loop bounded. Not a test: it reports, it asserts nothing.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBenchServer, trpc } from '../support/bench-server.mjs';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,300,1000' },
    moves: { type: 'string', default: '90' },
    repeats: { type: 'string', default: '3' },
    server: { type: 'string', default: process.env.FLOWYARD_BENCH_SERVER_MAIN ?? '' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
const SIZES = args.sizes.split(',').map((size) => boundedInt(size, 'sizes', 2, 1000));
const MOVES = boundedInt(args.moves, 'moves', 10, 600);
const REPEATS = boundedInt(args.repeats, 'repeats', 1, 10);
const MOVE_EVERY_MS = 16;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const serverMain = args.server ? resolve(args.server) : join(repoRoot, 'apps/server/dist/main.js');
// Playwright comes from the e2e package (the bench adds no dependency of its own).
const { chromium } = createRequire(join(repoRoot, 'e2e/package.json'))('@playwright/test');

function boundedInt(text, name, min, max) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name}: whole numbers from ${min} to ${max}, got "${text}"`);
  return n;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const median = (values) => percentile(values, 50);

/** Trigger → n−1 Find User steps, chained, on a grid about twice as wide as tall (what a big flow looks like). */
function bigGraph(steps) {
  const columns = Math.max(3, Math.ceil(Math.sqrt(steps * 2)));
  const nodes = [{ id: 's0', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Manual Trigger', config: { testPayload: '{}' } } }];
  const edges = [];
  for (let i = 1; i < steps; i++) {
    nodes.push({ id: `s${i}`, type: 'find-user', position: { x: (i % columns) * 280, y: Math.floor(i / columns) * 140 }, data: { name: `Find ${i}`, config: { search: `{{trigger.body.q${i}}}` } } });
    edges.push({ id: `e${i}`, source: `s${i - 1}`, target: `s${i}`, sourceHandle: null });
  }
  return { nodes, edges };
}

/** Installed before the interaction: collects rAF timestamps and long tasks until stopped. */
function startRecording() {
  const state = { frames: [], longTasks: [], running: true };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  const tick = (t) => {
    state.frames.push(t);
    if (state.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__canvasBench = state;
}

function stopRecording() {
  const state = window.__canvasBench;
  state.running = false;
  return { frames: state.frames, longTasks: state.longTasks };
}

/** Moves the mouse from `from` by `delta` over MOVES steps, one every 16 ms, button held. */
async function gesture(page, from, delta) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.evaluate(startRecording);
  const started = performance.now();
  for (let i = 1; i <= MOVES; i++) {
    const due = started + i * MOVE_EVERY_MS;
    const phase = i / MOVES;
    await page.mouse.move(from.x + delta.x * phase, from.y + delta.y * phase);
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
  }
  await page.mouse.up();
  const { frames, longTasks } = await page.evaluate(stopRecording);
  const intervals = frames.slice(1).map((t, i) => t - frames[i]);
  const span = frames.length > 1 ? frames[frames.length - 1] - frames[0] : NaN;
  return {
    fps: ((frames.length - 1) / span) * 1000,
    p50: median(intervals),
    p95: percentile(intervals, 95),
    maxFrame: Math.max(...intervals),
    slowFrames: intervals.filter((i) => i > 20).length / Math.max(1, intervals.length),
    longTasks: longTasks.length,
    maxLongTask: longTasks.length === 0 ? 0 : Math.max(...longTasks),
  };
}

async function measure(browser, baseUrl, cookie, flowId) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addCookies(cookie.split('; ').map((pair) => {
    const [name, ...value] = pair.split('=');
    return { name, value: value.join('='), url: baseUrl };
  }));
  const page = await context.newPage();
  const opened = performance.now();
  await page.goto(`${baseUrl}/flows/${flowId}`);
  await page.locator('[data-testid^="node-s"]').first().waitFor({ timeout: 60_000 });
  const openMs = performance.now() - opened;
  await sleep(500);

  // Drag a step that is wholly in view and clear of the edges, where dragging would pan the view, by
  // its title; it must have followed the mouse.
  const testId = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const inside = [...document.querySelectorAll('[data-testid^="node-"]')].find((el) => {
      const r = el.getBoundingClientRect();
      return r.left > pane.left + 60 && r.top > pane.top + 60 && r.right < pane.right - 200 && r.bottom < pane.bottom - 150;
    });
    return inside?.getAttribute('data-testid') ?? null;
  });
  if (testId === null) throw new Error('no step wholly in view to drag');
  const step = page.getByTestId(testId);
  const node = await step.boundingBox();
  const drag = await gesture(page, { x: node.x + Math.min(30, node.width / 4), y: node.y + node.height / 3 }, { x: 120, y: 80 });
  const moved = await step.boundingBox();
  if (Math.abs(moved.x - node.x - 120) > 4 || Math.abs(moved.y - node.y - 80) > 4) {
    throw new Error(`the step did not follow the drag: from ${JSON.stringify(node)} to ${JSON.stringify(moved)}`);
  }
  await sleep(300);
  // Pan from the empty top-left corner of the pane (fitView leaves padding there).
  const pane = await page.locator('.react-flow__pane').boundingBox();
  const pan = await gesture(page, { x: pane.x + 16, y: pane.y + 16 }, { x: 160, y: 100 });
  await context.close();
  return { openMs, drag, pan };
}

async function main() {
  const results = new Map(SIZES.map((size) => [size, []]));
  for (let repeat = 1; repeat <= REPEATS; repeat++) {
    const server = await startBenchServer({ serverMain, repoRoot });
    const browser = await chromium.launch({ executablePath: args.chromium, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      const api = trpc(server.url);
      await api.signIn();
      const workflows = await api.query('workflows.list');
      const workflowId = (workflows.find((w) => w.name === 'Default') ?? workflows[0]).id;
      for (const size of SIZES) {
        const flow = await api.mutation('flows.create', { workflowId, name: `Bench ${size} steps ${repeat}` });
        await api.mutation('flows.save', { id: flow.id, version: flow.version, graph: bigGraph(size) });
        const result = await measure(browser, server.url, api.headers.cookie ?? '', flow.id);
        results.get(size).push(result);
        console.error(`repeat ${repeat}, ${size} steps: open ${result.openMs.toFixed(0)} ms, drag ${result.drag.fps.toFixed(1)} fps, pan ${result.pan.fps.toFixed(1)} fps`);
      }
    } finally {
      await browser.close();
      await server.stop();
    }
  }

  const rows = [];
  for (const [size, runs] of results) {
    for (const kind of ['drag', 'pan']) {
      const cell = (pick, digits = 1) => median(runs.map((r) => pick(r[kind]))).toFixed(digits);
      rows.push(
        `| ${size} | ${kind === 'drag' ? 'drag a step' : 'pan the canvas'} | ${cell((m) => m.fps)} | ${cell((m) => m.p50)} | ${cell((m) => m.p95)} | ${cell((m) => m.maxFrame, 0)} | ${cell((m) => m.slowFrames * 100, 0)} % | ${cell((m) => m.longTasks, 0)} | ${cell((m) => m.maxLongTask, 0)} | ${kind === 'drag' ? median(runs.map((r) => r.openMs)).toFixed(0) : ''} |`,
      );
    }
  }
  console.log(`Chromium ${args.chromium}, ${MOVES} mouse moves every ${MOVE_EVERY_MS} ms per gesture, median of ${REPEATS} repeats\n`);
  console.log('| steps | gesture | fps | frame p50 (ms) | frame p95 (ms) | worst frame (ms) | frames > 20 ms | long tasks | longest task (ms) | open (ms) |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
}

await main();
