import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLocalServer, type LocalServer } from '../../testing/local-server';
import { createScriptPool } from '../script-pool';
import { ScriptRunError } from '../script-run-error';
import { requestVia, scriptOptions } from '../script-test-kit';
import type { RunScriptOptions } from '../script-types';

// Worker start-up under tsx is slow on a loaded machine; the runs themselves are fast.
const SLOW = { timeout: 60_000 };
const pool = createScriptPool({ size: 2 });
let server: LocalServer;
let endpoints: Record<string, string>;

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    if (req.url === '/api/slow') return setTimeout(() => res.end('late'), 5_000);
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url, body: req.body, authorization: req.headers.authorization ?? null }));
  });
  endpoints = { Target: `${server.url}/api` };
  await pool.warmUp();
}, 60_000);

afterAll(async () => {
  await pool.close();
  await server.close();
});

function run(source: string, extra: Partial<RunScriptOptions> = {}) {
  return pool.run(scriptOptions(source, { request: requestVia(endpoints), ...extra }));
}

async function failure(promise: Promise<unknown>): Promise<ScriptRunError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ScriptRunError)) throw new Error(`expected a ScriptRunError, got ${String(error)}`);
  return error;
}

describe('async/await and promises', () => {
  test('await before write(): top-level await, then a request, then outputs', SLOW, async () => {
    const result = await run(`
      const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      await wait(5);
      const first = await Promise.resolve('posted');
      const resp = http.request({ endpoint: 'Target', method: 'POST', path: '/items' }).write({ token: btoa('user:pw') });
      output.first = first;
      output.url = JSON.parse(resp.body).url;
      output.sent = JSON.parse(resp.body).body;
      console.log('status', resp.statusCode);`);
    expect(result.outputs).toEqual({ first: 'posted', url: '/api/items', sent: '{"token":"dXNlcjpwdw=="}' });
    expect(result.logs.map((line) => line.message)).toEqual(['status 200']);
  });

  test('write() and http.authenticate() work inside async functions and promise callbacks', SLOW, async () => {
    const result = await run(`
      async function fetchPath(path) {
        await null;
        return JSON.parse(http.request({ endpoint: 'Target', path }).write().body).url;
      }
      const urls = await Promise.all([fetchPath('/a'), fetchPath('/b')]);
      output.urls = urls.join(',');
      output.token = await Promise.resolve().then(() => http.authenticate('Target'));
      Promise.resolve().then(() => { output.later = http.request({ endpoint: 'Target', path: '/c' }).write().statusCode; });`,
    { authenticate: () => Promise.resolve('tok-1') });
    expect(result.outputs).toEqual({ urls: '/api/a,/api/b', token: 'tok-1', later: '200' });
  });

  test('a top-level return still ends an async body normally', SLOW, async () => {
    const result = await run(`output.a = await Promise.resolve('before');\nif (true) return;\noutput.b = 'after';`);
    expect(result.outputs).toEqual({ a: 'before' });
  });

  test('an async body stays in sloppy mode', SLOW, async () => {
    const result = await run(`await null;\nimplicitGlobal = 5;\nwith ({ w: 'with works' }) { var fromWith = w; }\noutput.v = implicitGlobal + ' ' + fromWith + ' ' + (010);`);
    expect(result.outputs).toEqual({ v: '5 with works 8' });
  });

  test('a script that names a variable await still runs as before', SLOW, async () => {
    const result = await run(`var await = 3;\noutput.v = await + 1;`);
    expect(result.outputs).toEqual({ v: '4' });
  });

  test('a rejected top-level promise fails the step like a throw, with its line', SLOW, async () => {
    const error = await failure(run(`await null;\nthrow new Error('after await');`));
    expect(error.code).toBe('SCRIPT_ERROR');
    expect(error.message).toMatch(/after await/);
    expect(error.details).toMatchObject({ line: 2 });
    const rejected = await failure(run(`await Promise.reject('plain reason');`));
    expect(rejected.message).toMatch(/plain reason/);
  });

  test('an uncaught failed write() after an await fails with the request code', SLOW, async () => {
    const error = await failure(run(`await null;\nhttp.request({ endpoint: 'Nowhere', path: '/' }).write();`));
    expect(error.code).toBe('ENDPOINT_NOT_FOUND');
  });

  test('awaiting a promise that can never settle fails clearly', SLOW, async () => {
    const error = await failure(run(`await new Promise(() => {});`));
    expect(error.code).toBe('SCRIPT_ERROR');
    expect(error.message).toMatch(/never settles/);
  });

  test('the time limit cuts off a body awaiting a long timer', SLOW, async () => {
    const error = await failure(run(`await new Promise((resolve) => setTimeout(resolve, 60000));`, { timeoutMs: 300 }));
    expect(error.code).toBe('SCRIPT_TIMEOUT');
  });

  test('a slow request after an await is cut off at the time limit too', SLOW, async () => {
    const error = await failure(run(`await null;\nhttp.request({ endpoint: 'Target', path: '/slow' }).write();`, { timeoutMs: 400 }));
    expect(error.code).toBe('SCRIPT_TIMEOUT');
    // The worker is fine afterwards.
    expect((await run(`output.ok = await Promise.resolve('yes');`)).outputs).toEqual({ ok: 'yes' });
  });

  test('queueMicrotask runs before timers; a throwing microtask fails the step', SLOW, async () => {
    const result = await run(`const seen = []; setTimeout(() => { output.seen = seen.join(','); }, 0); queueMicrotask(() => seen.push('micro')); seen.push('body');`);
    expect(result.outputs).toEqual({ seen: 'body,micro' });
    expect((await failure(run(`queueMicrotask(() => { throw new Error('in microtask'); });`))).message).toBe('in microtask');
  });

  test('a script that replaces JSON or Promise methods only affects itself', SLOW, async () => {
    const result = await run(`JSON.parse = () => 'mine'; JSON.stringify = () => 'mine';\noutput.host = new URL('https://h.test/p?q=1').searchParams.get('q');\noutput.intl = (1.5).toLocaleString('en');`);
    expect(result.outputs).toEqual({ host: '1', intl: '1.5' });
  });

  test('a CPU loop after an await is cut off too', SLOW, async () => {
    const error = await failure(run(`await null;\nwhile (true) {}`, { timeoutMs: 300 }));
    expect(error.code).toBe('SCRIPT_TIMEOUT');
  });
});

describe('timers', () => {
  test('setTimeout runs callbacks in due order with their arguments; clearTimeout cancels', SLOW, async () => {
    const result = await run(`
      const seen = [];
      setTimeout((x) => seen.push(x), 20, 'late');
      setTimeout((x) => seen.push(x), 0, 'soon');
      const cancelled = setTimeout(() => seen.push('never'), 5);
      clearTimeout(cancelled);
      Promise.resolve().then(() => seen.push('microtask'));
      setTimeout(() => { output.seen = seen.join(','); }, 40);`);
    expect(result.outputs).toEqual({ seen: 'microtask,soon,late' });
  });

  test('setInterval repeats until cleared', SLOW, async () => {
    const result = await run(`
      let n = 0;
      const id = setInterval(() => { n++; if (n === 3) { clearInterval(id); output.n = n; } }, 1);`);
    expect(result.outputs).toEqual({ n: '3' });
  });

  test('a timer callback can call write()', SLOW, async () => {
    const result = await run(`setTimeout(() => { output.status = http.request({ endpoint: 'Target', path: '/t' }).write().statusCode; }, 1);`);
    expect(result.outputs).toEqual({ status: '200' });
  });

  test('an error thrown in a timer callback fails the step', SLOW, async () => {
    const error = await failure(run(`setTimeout(() => { throw new TypeError('in timer'); }, 1);`));
    expect(error.message).toBe('TypeError: in timer');
  });

  test('an interval never cleared runs into the time limit', SLOW, async () => {
    const error = await failure(run(`setInterval(() => {}, 10);`, { timeoutMs: 300 }));
    expect(error.code).toBe('SCRIPT_TIMEOUT');
  });

  test('a string of code is refused', SLOW, async () => {
    const error = await failure(run(`setTimeout('output.x = 1', 1);`));
    expect(error.message).toMatch(/setTimeout needs a function/);
  });
});
