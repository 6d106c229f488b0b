#!/usr/bin/env node
// Where a drag's time goes: opens an N-step flow (as canvas-bench.mjs seeds it) in Debian's
// Chromium, drags one step with the real mouse while a CDP CPU profile runs and a React DevTools
// hook counts the components that rendered, then prints the functions with the most self time and
// the render counts per component. Names read best with an unminified web build:
//
//   (cd apps/web && npx vite build --minify false --outDir /tmp/web-unminified)
//   pnpm --filter @flowyard/server build
//   FLOWYARD_WEB_DIST=/tmp/web-unminified node bench/canvas/canvas-profile.mjs [--steps 300] [--moves 60] [--gesture drag|pan]
//
// Loopback only, every loop bounded. Not a test: it reports, it asserts nothing.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBenchServer, trpc } from '../support/bench-server.mjs';

const { values: args } = parseArgs({
  options: {
    steps: { type: 'string', default: '300' },
    moves: { type: 'string', default: '60' },
    gesture: { type: 'string', default: 'drag' },
    top: { type: 'string', default: '30' },
    // Also a Chromium trace of the gesture: main-thread time per event (style, layout, paint, layerize…).
    trace: { type: 'boolean', default: false },
    // Without the CPU profiler (its sampling slows the page): the trace and render counts only.
    'no-profile': { type: 'boolean', default: false },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
const STEPS = boundedInt(args.steps, 'steps', 2, 1000);
const MOVES = boundedInt(args.moves, 'moves', 5, 600);
const TOP = boundedInt(args.top, 'top', 1, 200);
if (args.gesture !== 'drag' && args.gesture !== 'pan') throw new Error('--gesture: drag or pan');

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = createRequire(join(repoRoot, 'e2e/package.json'))('@playwright/test');

function boundedInt(text, name, min, max) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name}: whole numbers from ${min} to ${max}, got "${text}"`);
  return n;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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

/**
 * Before React loads: a stand-in DevTools hook that, while `counting`, counts per component name
 * the function components that did work in each commit (React's PerformedWork flag, as DevTools' own
 * didFiberRender reads it), and the commits themselves.
 */
function installRenderCounter() {
  const counts = new Map();
  const state = { counting: false, commits: 0, counts };
  const nameOf = (type) => type?.displayName ?? type?.name ?? type?.type?.name ?? type?.render?.name ?? 'anonymous';
  const walk = (fiber) => {
    let node = fiber;
    // Every fiber reached did work in this commit, or sits under one that did.
    const stack = [];
    while (node) {
      // Function, forwardRef, memo and simple memo components (tags 0, 11, 14, 15).
      if ([0, 11, 14, 15].includes(node.tag) && (node.flags & 1) === 1 && node.alternate !== null) {
        const name = nameOf(node.type);
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      // A subtree React skipped keeps the very child fibers it had (and their old flags): not visited.
      if (node.child && (node.alternate === null || node.child !== node.alternate.child)) {
        stack.push(node.sibling);
        node = node.child;
      } else {
        node = node.sibling ?? null;
        while (!node && stack.length > 0) node = stack.pop() ?? null;
      }
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) {
      this.renderers.set(this.renderers.size + 1, renderer);
      return this.renderers.size;
    },
    onCommitFiberRoot(_id, root) {
      if (!state.counting) return;
      state.commits++;
      walk(root.current.child);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
  window.__renderCounter = state;
}

/** Main-thread time by trace event (complete events on the renderer's main thread; nested ones counted in their own line too). */
function printTrace(trace) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return;
  const byName = new Map();
  let tasks = 0;
  let longest = 0;
  const taskDurations = [];
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const entry = byName.get(e.name) ?? { ms: 0, count: 0, max: 0 };
    entry.ms += e.dur / 1000;
    entry.count++;
    entry.max = Math.max(entry.max, e.dur / 1000);
    byName.set(e.name, entry);
    if (e.name === 'RunTask') {
      tasks++;
      longest = Math.max(longest, e.dur / 1000);
      taskDurations.push(e.dur / 1000);
    }
  }
  const over16 = taskDurations.filter((d) => d > 16).length;
  // What the tasks over 16 ms spent their time on (direct work, nested events included in their parents).
  const long = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask' && e.dur > 16_000);
  const inLong = new Map();
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.name === 'RunTask' || typeof e.dur !== 'number') continue;
    if (!['Layerize', 'FunctionCall', 'EventDispatch', 'Commit', 'Paint', 'Layout', 'PrePaint', 'UpdateLayoutTree', 'FireAnimationFrame', 'MinorGC', 'MajorGC', 'HitTest'].includes(e.name)) continue;
    if (long.some((t) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur)) inLong.set(e.name, (inLong.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log(`\nTrace, renderer main thread: ${tasks} tasks, ${over16} over 16 ms, longest ${longest.toFixed(1)} ms`);
  console.log(`  in those: ${[...inLong].sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ')}`);
  const gestureStart = Math.min(...long.map((t) => t.ts), Infinity);
  for (const task of [...long].sort((a, b) => b.dur - a.dur).slice(0, 5)) {
    const parts = new Map();
    for (const e of events) {
      if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.name === 'RunTask' || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur) continue;
      if (['Layerize', 'FunctionCall', 'EventDispatch', 'Commit', 'Paint', 'Layout', 'UpdateLayoutTree', 'MinorGC', 'MajorGC'].includes(e.name)) parts.set(e.name, (parts.get(e.name) ?? 0) + e.dur / 1000);
    }
    const type = events.find((e) => e.name === 'EventDispatch' && e.ts >= task.ts && e.ts <= task.ts + task.dur)?.args?.data?.type ?? '';
    console.log(`  task of ${(task.dur / 1000).toFixed(1)} ms at +${((task.ts - gestureStart) / 1000).toFixed(0)} ms ${type}: ${[...parts].map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')}`);
  }
  const dispatched = new Map();
  for (const e of events) {
    if (e.pid === main.pid && e.tid === main.tid && e.name === 'EventDispatch') dispatched.set(e.args?.data?.type, (dispatched.get(e.args?.data?.type) ?? 0) + 1);
  }
  console.log(`  events dispatched: ${[...dispatched].sort((a, b) => b[1] - a[1]).map(([type, n]) => `${type} ${n}`).join(', ')}`);
  console.log('  total ms   count   max ms  event');
  for (const [name, { ms, count, max }] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, TOP)) {
    console.log(`  ${ms.toFixed(1).padStart(8)} ${String(count).padStart(7)} ${max.toFixed(1).padStart(8)}  ${name}`);
  }
}

async function main() {
  const server = await startBenchServer({ serverMain: join(repoRoot, 'apps/server/dist/main.js'), repoRoot });
  const browser = await chromium.launch({ executablePath: args.chromium, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const api = trpc(server.url);
    await api.signIn();
    const workflows = await api.query('workflows.list');
    const workflowId = (workflows.find((w) => w.name === 'Default') ?? workflows[0]).id;
    const flow = await api.mutation('flows.create', { workflowId, name: `Profile ${STEPS} steps` });
    await api.mutation('flows.save', { id: flow.id, version: flow.version, graph: bigGraph(STEPS) });

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addCookies((api.headers.cookie ?? '').split('; ').filter(Boolean).map((pair) => {
      const [name, ...value] = pair.split('=');
      return { name, value: value.join('='), url: server.url };
    }));
    await context.addInitScript(installRenderCounter);
    const page = await context.newPage();
    await page.goto(`${server.url}/flows/${flow.id}`);
    await page.locator('[data-testid^="node-s"]').first().waitFor({ timeout: 60_000 });
    await sleep(800);

    let from;
    let delta;
    if (args.gesture === 'drag') {
      const testId = await page.evaluate(() => {
        const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
        const inside = [...document.querySelectorAll('[data-testid^="node-"]')].find((el) => {
          const r = el.getBoundingClientRect();
          return r.left > pane.left + 60 && r.top > pane.top + 60 && r.right < pane.right - 200 && r.bottom < pane.bottom - 150;
        });
        return inside?.getAttribute('data-testid') ?? null;
      });
      if (testId === null) throw new Error('no step wholly in view to drag');
      const box = await page.getByTestId(testId).boundingBox();
      from = { x: box.x + Math.min(30, box.width / 4), y: box.y + box.height / 3 };
      delta = { x: 120, y: 80 };
    } else {
      const pane = await page.locator('.react-flow__pane').boundingBox();
      from = { x: pane.x + 16, y: pane.y + 16 };
      delta = { x: 160, y: 100 };
    }

    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.evaluate(() => (window.__renderCounter.counting = true));
    if (args.trace) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    if (!args['no-profile']) await cdp.send('Profiler.start');
    for (let i = 1; i <= MOVES; i++) {
      await page.mouse.move(from.x + (delta.x * i) / MOVES, from.y + (delta.y * i) / MOVES);
      await sleep(16);
    }
    await page.mouse.up();
    await sleep(200);
    const { profile } = args['no-profile'] ? { profile: { nodes: [], samples: [], timeDeltas: [] } } : await cdp.send('Profiler.stop');
    const trace = args.trace ? JSON.parse((await browser.stopTracing()).toString('utf8')) : null;
    const renders = await page.evaluate(() => {
      const state = window.__renderCounter;
      state.counting = false;
      return { commits: state.commits, counts: [...state.counts].sort((a, b) => b[1] - a[1]) };
    });

    // Self time per function (samples × their intervals).
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    const deltas = profile.timeDeltas;
    let total = 0;
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      const ms = (deltas[i] ?? 0) / 1000;
      total += ms;
      const { functionName, url, lineNumber } = node.callFrame;
      const key = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`;
      self.set(key, (self.get(key) ?? 0) + ms);
    });
    const idle = (self.get('(idle) ') ?? 0) + (self.get('(program) ') ?? 0);
    console.log(`${args.gesture}, ${STEPS} steps, ${MOVES} moves: profile ${total.toFixed(0)} ms, of which idle+program ${idle.toFixed(0)} ms`);
    console.log(`\nReact: ${renders.commits} commits; components that rendered (times):`);
    for (const [name, count] of renders.counts.slice(0, TOP)) console.log(`  ${String(count).padStart(6)}  ${name}`);
    console.log('\nSelf time (ms):');
    for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${key}`);
    if (trace) printTrace(trace);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
