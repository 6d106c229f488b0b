import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FlowyardError } from '../errors/flowyard-error';
import { createScriptPool } from './script-pool';
import { ScriptRunError } from './script-run-error';
import { scriptOptions } from './script-test-kit';
import type { RunScriptOptions } from './script-types';

// Worker start-up under tsx is slow on a loaded machine; the runs themselves are fast.
const SLOW = { timeout: 90_000 };
const pool = createScriptPool({ size: 2, maxWorkers: 3, terminateGraceMs: 500 });

beforeAll(() => pool.warmUp(), 60_000);
afterAll(() => pool.close());

function run(source: string, extra: Partial<RunScriptOptions> = {}) {
  return pool.run(scriptOptions(source, extra));
}

async function failure(promise: Promise<unknown>): Promise<ScriptRunError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ScriptRunError)) throw new Error(`expected a ScriptRunError, got ${String(error)}`);
  return error;
}

/** After a failed step the sandbox still serves the next run normally. */
async function expectHealthy(): Promise<void> {
  const result = await run(`output.ok = 'yes';`);
  expect(result.outputs).toEqual({ ok: 'yes' });
}

describe('no host access: each attempt fails only its step, with a clear message', () => {
  const attempts: [string, string, RegExp][] = [
    ['process', `output.pid = process.pid;`, /^ReferenceError: 'process' is not defined$/],
    ['require of a Node module', `var fs = require('fs');\nfs.readFileSync('/etc/passwd');`, /^Cannot find module 'fs': scripts can only require the workflow's shared libraries/],
    ['the Function constructor', `var p = globalThis.constructor.constructor('return process')();\noutput.x = p.env;`, /^ReferenceError: 'process' is not defined$/],
    ['fetch', `fetch('http://127.0.0.1:1/');`, /^fetch is not available in Flowyard scripts/],
    ['dynamic import()', `import('fs').then(function (fs) { output.fs = typeof fs; });`, /^import\('fs'\) is not available in Flowyard scripts/],
    ['a static import', `import fs from 'fs';`, /^SyntaxError/],
  ];

  for (const [what, source, message] of attempts) {
    test(what, SLOW, async () => {
      const error = await failure(run(source));
      expect(error.code).toBe('SCRIPT_ERROR');
      expect(error.message).toMatch(message);
      await expectHealthy();
    });
  }

  test('there is nothing host-like in the global scope', SLOW, async () => {
    const result = await run(`output.types = ['process', 'Buffer', 'global', 'module', 'exports', '__dirname', 'XMLHttpRequest', 'WebSocket', 'std', 'os']
      .map(function (name) { return name + ':' + typeof globalThis[name]; }).join(' ');`);
    expect(result.outputs.types).toBe(
      'process:undefined Buffer:undefined global:undefined module:undefined exports:undefined __dirname:undefined XMLHttpRequest:undefined WebSocket:undefined std:undefined os:undefined',
    );
  });

  test('nothing leaks from one run into the next (fresh context every time)', SLOW, async () => {
    await run(`globalThis.leak = 'secret'; Object.prototype.polluted = true; Array.prototype.push = null; constants.x = 1;`);
    for (let i = 0; i < 3; i++) {
      const result = await run(`output.seen = [typeof leak, typeof ({}).polluted, typeof [].push].join(',');`);
      expect(result.outputs.seen).toBe('undefined,undefined,function');
    }
  });
});

describe('time limit', () => {
  test('while(true){} fails with SCRIPT_TIMEOUT while another run completes normally and quickly', SLOW, async () => {
    const started = Date.now();
    const looping = failure(run(`while (true) {}`, { timeoutMs: 5_000 }));
    // Give the loop a moment to be running on its worker.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const otherStarted = Date.now();
    const other = await run(`var s = 0; for (var i = 0; i < 1000; i++) s += i; output.sum = s;`);
    const otherTook = Date.now() - otherStarted;
    expect(other.outputs.sum).toBe('499500');
    // Generous for a loaded CI machine; what matters is that it is not held up by the loop.
    expect(otherTook).toBeLessThan(3_000);

    const error = await looping;
    expect(error.code).toBe('SCRIPT_TIMEOUT');
    expect(error.message).toBe('The script ran longer than its time limit of 5 s');
    expect(error.details).toEqual({ timeoutMs: 5_000 });
    expect(otherStarted + otherTook).toBeLessThan(started + 5_000);
    await expectHealthy();
  });

  test('the main thread stays responsive while a script spins', SLOW, async () => {
    const looping = failure(run(`for (;;) {}`, { timeoutMs: 1_500 }));
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(Date.now()), 50);
    await looping;
    clearInterval(timer);
    // Had the loop run on this thread, no tick could have fired until it stopped.
    expect(ticks.length).toBeGreaterThan(5);
  });

  test('catching cannot swallow the time limit', SLOW, async () => {
    const error = await failure(run(`for (;;) { try { while (true) {} } catch (e) { output.caught = 'yes'; } finally { output.finally = 'yes'; } }`, { timeoutMs: 300 }));
    expect(error.code).toBe('SCRIPT_TIMEOUT');
  });

  test('a script stuck in one long native call is cut off at the limit and its worker replaced', SLOW, async () => {
    const started = Date.now();
    // One huge JSON.stringify never reaches an interrupt check.
    const error = await failure(
      run(`var big = new Array(3e6).fill({ a: 1 });\nwhile (true) JSON.stringify(big);`, { timeoutMs: 1_500, memoryLimitBytes: 200 * 1024 * 1024 }),
    );
    expect(error.code).toBe('SCRIPT_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1_500 + 1_000);
    await expectHealthy();
  });

  test('the limit is configurable up to 60 s and validated', SLOW, async () => {
    await expect(run(`1`, { timeoutMs: 60_001 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'timeoutMs', message: 'Time limit must be a whole number of milliseconds from 1 to 60000' }],
    });
    await expect(run(`1`, { memoryLimitBytes: 1024 })).rejects.toBeInstanceOf(FlowyardError);
    expect((await run(`output.ok = 1`, { timeoutMs: 60_000 })).outputs.ok).toBe('1');
  });

  test('a cancelled run stops promptly', SLOW, async () => {
    const controller = new AbortController();
    const looping = failure(run(`while (true) {}`, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 200);
    const error = await looping;
    expect(error.code).toBe('SCRIPT_ERROR');
    expect(error.details).toEqual({ cancelled: true });
    await expectHealthy();
  });
});

describe('memory limit', () => {
  const MiB = 1024 * 1024;
  // About 80 KiB per chunk, so the limits are reached quickly even on a slow machine.
  const hog = `var keep = [];\nwhile (true) keep.push(new Array(10000).fill(keep.length));`;

  test('growing without bound fails with SCRIPT_OUT_OF_MEMORY', SLOW, async () => {
    const error = await failure(run(hog));
    expect(error.code).toBe('SCRIPT_OUT_OF_MEMORY');
    expect(error.message).toBe('The script used more than its memory limit of 64 MiB');
    expect(error.details).toEqual({ memoryLimitBytes: 64 * MiB });
    await expectHealthy();
  });

  test('objects and binary buffers count too', SLOW, async () => {
    const objects = await failure(run(`var keep = [];\nwhile (true) keep.push({ id: keep.length, name: 'item ' + keep.length });`, { memoryLimitBytes: 16 * MiB }));
    expect(objects.code).toBe('SCRIPT_OUT_OF_MEMORY');
    const buffers = await failure(run(`var keep = [];\nwhile (true) keep.push(new ArrayBuffer(1 << 20));`));
    expect(buffers.code).toBe('SCRIPT_OUT_OF_MEMORY');
  });

  test('catching the error does not hide it', SLOW, async () => {
    const rethrown = await failure(run(`try {\n${hog}\n} catch (e) { throw new Error('wrapped: ' + e.message); }`, { memoryLimitBytes: 8 * MiB }));
    expect(rethrown.code).toBe('SCRIPT_OUT_OF_MEMORY');
    expect(rethrown.message).toBe('The script used more than its memory limit of 8 MiB');
    const swallowed = await failure(run(`try {\n${hog}\n} catch (e) { output.recovered = 'yes'; }`, { memoryLimitBytes: 8 * MiB }));
    expect(swallowed.code).toBe('SCRIPT_OUT_OF_MEMORY');
  });

  test('a script within its limit is not stopped, and a big earlier run does not lend its heap to a later one', SLOW, async () => {
    const use = (chunks: number) => `var keep = [];\nfor (var i = 0; i < ${chunks}; i++) keep.push(new Array(10000).fill(i));\noutput.chunks = keep.length;`;
    // ~24 MiB under a 64 MiB limit; then ~120 MiB under 200 MiB, which grows the heap.
    expect((await run(use(300))).outputs.chunks).toBe('300');
    expect((await run(use(1500), { memoryLimitBytes: 200 * MiB })).outputs.chunks).toBe('1500');
    expect((await run(use(1500), { memoryLimitBytes: 200 * MiB })).outputs.chunks).toBe('1500');
    // ~40 MiB under 16 MiB must fail even on a worker whose heap is already large.
    for (let i = 0; i < 2; i++) {
      const error = await failure(run(use(500), { memoryLimitBytes: 16 * MiB }));
      expect(error.code).toBe('SCRIPT_OUT_OF_MEMORY');
    }
  });

  test('runaway recursion is a script error, not a crash, in any shape', SLOW, async () => {
    // Heat the engine first: V8's optimised frames for QuickJS are much larger than its first ones.
    await run(`var keep = [];\nfor (var i = 0; i < 1000; i++) keep.push(new Array(10000).fill(i));`, { memoryLimitBytes: 200 * MiB });
    const shapes = [
      `function down(n) { return down(n + 1) + 1; }\ndown(0);`,
      `function down() { return [1].map(function () { return down(); }); }\ndown();`,
      `var o = { get deep() { return this.deep; } };\no.deep;`,
      `function down() { return JSON.stringify({ toJSON: down }); }\ndown();`,
      `function down() { return down.apply(null, [1, 2, 3]); }\ndown();`,
    ];
    for (const source of shapes) {
      const error = await failure(run(source));
      expect(error.code).toBe('SCRIPT_ERROR');
      expect(error.message).toMatch(/stack/i);
      await expectHealthy();
    }
    const caught = await run(`var depth = 0; function down() { depth++; down(); }\ntry { down(); } catch (e) { output.e = String(e); output.deep = depth > 1000; }`);
    expect(caught.outputs).toEqual({ e: 'InternalError: stack overflow', deep: 'true' });
  });

  test('nesting that overflows the engine itself fails only the step; the worker is replaced', SLOW, async () => {
    const error = await failure(run(`var root = []; var at = root;\nfor (var i = 0; i < 200000; i++) { at[0] = []; at = at[0]; }\nString(root);`));
    expect(error.code).toBe('SCRIPT_ERROR');
    await expectHealthy();
    await expectHealthy();
  });
});
