import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closedPort, startLocalServer, type LocalServer } from '../testing/local-server';
import { createScriptPool } from './script-pool';
import { ScriptRunError } from './script-run-error';
import { requestVia, scriptOptions } from './script-test-kit';
import type { RunScriptOptions, ScriptHttpRequest } from './script-types';

// Worker start-up under tsx is slow on a loaded machine; the runs themselves are fast.
const SLOW = { timeout: 60_000 };

let server: LocalServer;
let endpoints: Record<string, string>;
const pool = createScriptPool({ size: 2 });

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const url = req.url ?? '';
    if (url === '/api/chat.postMessage') {
      const sent: unknown = JSON.parse(req.body);
      const fail = typeof sent === 'object' && sent !== null && 'channel' in sent && sent.channel === 'broken';
      res.statusCode = fail ? 500 : 200;
      res.setHeader('Content-Type', 'application/json');
      res.end(fail ? '{"ok":false,"error":"channel_not_found"}' : JSON.stringify({ ok: true, ts: '1712345678.000100' }));
    } else if (url.startsWith('/api/empty')) {
      res.statusCode = 204;
      res.end();
    } else if (url.startsWith('/api/created')) {
      res.statusCode = 201;
      res.setHeader('X-Request-Id', 'req-42');
      res.end('made');
    } else if (url.startsWith('/api/slow')) {
      setTimeout(() => res.end('late'), 5_000);
    } else {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ method: req.method, url, body: req.body, contentType: req.headers['content-type'] ?? null }));
    }
  });
  endpoints = { Slack: `${server.url}/api`, Target: `${server.url}/api`, Refused: `http://127.0.0.1:${await closedPort()}` };
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

const specExample = `var req = http.request({ endpoint: 'Slack', method: 'POST', path: '/chat.postMessage',
                         headers: { 'Content-Type': 'application/json' } });
var resp = req.write({ channel: input['Channel'], text: input['Message'] });
if (resp.statusCode >= 300) throw new Error('Slack said ' + resp.body);
output['Timestamp'] = JSON.parse(resp.body).ts;
console.log('posted', resp.statusCode);`;

describe('the SPEC §5 example, unchanged', () => {
  test('posts the message and sets the output', SLOW, async () => {
    const seen = server.requests.length;
    const result = await run(specExample, { input: { Channel: 'C123', Message: 'Hello from Flowyard' } });
    expect(result.outputs).toEqual({ Timestamp: '1712345678.000100' });
    expect(result.logs.map((line) => [line.level, line.message])).toEqual([['log', 'posted 200']]);
    const request = server.requests[seen];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/chat.postMessage');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ channel: 'C123', text: 'Hello from Flowyard' });
  });

  test('a failed post throws with the response body and its line', SLOW, async () => {
    const error = await failure(run(specExample, { input: { Channel: 'broken', Message: 'x' } }));
    expect(error.code).toBe('SCRIPT_ERROR');
    expect(error.message).toBe('Slack said {"ok":false,"error":"channel_not_found"}');
    expect(error.details).toMatchObject({ line: 4 });
  });
});

describe('write()', () => {
  test('an object without Content-Type is sent as JSON with the header added', SLOW, async () => {
    const result = await run(`
      var resp = http.request({ endpoint: 'Target', method: 'POST', path: 'echo' }).write({ a: 1, list: [1, 2] });
      output.echo = resp.body;`);
    const echo = JSON.parse(result.outputs.echo ?? '');
    expect(echo).toMatchObject({ method: 'POST', url: '/api/echo', contentType: 'application/json' });
    expect(JSON.parse(echo.body)).toEqual({ a: 1, list: [1, 2] });
  });

  test('an array is sent as JSON too', SLOW, async () => {
    const result = await run(`output.echo = http.request({ endpoint: 'Target', method: 'PUT', path: '/echo' }).write([1, 'two']).body;`);
    expect(JSON.parse(result.outputs.echo ?? '')).toMatchObject({ method: 'PUT', body: '[1,"two"]', contentType: 'application/json' });
  });

  test('an explicit Content-Type (any case) is kept for an object body', SLOW, async () => {
    const result = await run(`
      output.echo = http.request({ endpoint: 'Target', method: 'POST', path: '/echo', headers: { 'content-type': 'application/vnd.api+json' } })
        .write({ data: null }).body;`);
    expect(JSON.parse(result.outputs.echo ?? '')).toMatchObject({ contentType: 'application/vnd.api+json', body: '{"data":null}' });
  });

  test('a string is sent as it is, without adding a Content-Type', SLOW, async () => {
    const sent: ScriptHttpRequest[] = [];
    const result = await run(`output.echo = http.request({ endpoint: 'Target', method: 'POST', path: '/echo' }).write('a=1&b=two').body;`, {
      request: requestVia(endpoints, sent),
    });
    expect(JSON.parse(result.outputs.echo ?? '')).toMatchObject({ body: 'a=1&b=two', contentType: null });
    expect(sent[0]).toEqual({ endpoint: 'Target', method: 'POST', path: '/echo', headers: {}, body: 'a=1&b=two', autoEncodeURI: true });
  });

  test('no body sends none', SLOW, async () => {
    const sent: ScriptHttpRequest[] = [];
    const result = await run(`output.echo = http.request({ endpoint: 'Target', path: '/echo' }).write().body;`, { request: requestVia(endpoints, sent) });
    expect(JSON.parse(result.outputs.echo ?? '')).toMatchObject({ method: 'GET', body: '', contentType: null });
    expect(sent[0]?.body).toBeNull();
  });

  test('method names in any case, GET by default, paths with or without a leading slash', SLOW, async () => {
    const result = await run(`
      function call(method, path) { return JSON.parse(http.request({ endpoint: 'Target', method: method, path: path }).write().body); }
      var a = call('post', 'items'), b = call('Get', '/items'), c = call(undefined, 'items?x=1');
      output.seen = [a.method + ' ' + a.url, b.method + ' ' + b.url, c.method + ' ' + c.url].join('|');`);
    expect(result.outputs.seen).toBe('POST /api/items|GET /api/items|GET /api/items?x=1');
  });

  test('autoEncodeURI on (default) encodes spaces without double-encoding %XX', SLOW, async () => {
    const result = await run(`output.url = JSON.parse(http.request({ endpoint: 'Target', path: '/search?q=a b&x=%41' }).write().body).url;`);
    expect(result.outputs.url).toBe('/api/search?q=a%20b&x=%41');
  });

  test('autoEncodeURI off sends the path verbatim and refuses an unencoded space', SLOW, async () => {
    const sent: ScriptHttpRequest[] = [];
    const result = await run(
      `output.url = JSON.parse(http.request({ endpoint: 'Target', path: '/x%20y?q=%2F', autoEncodeURI: false }).write().body).url;
       try { http.request({ endpoint: 'Target', path: '/a b', autoEncodeURI: false }).write(); } catch (e) { output.code = e.code; }`,
      { request: requestVia(endpoints, sent) },
    );
    expect(result.outputs).toEqual({ url: '/api/x%20y?q=%2F', code: 'VALIDATION_FAILED' });
    expect(sent.map((request) => request.autoEncodeURI)).toEqual([false, false]);
  });

  test('a 204 has an empty body; statusMessage and headers are readable in any case', SLOW, async () => {
    const result = await run(`
      var empty = http.request({ endpoint: 'Target', method: 'DELETE', path: '/empty' }).write();
      var made = http.request({ endpoint: 'Target', method: 'POST', path: '/created' }).write('x');
      output.empty = [empty.statusCode, empty.statusMessage, JSON.stringify(empty.body)].join(' ');
      output.made = [made.statusCode, made.statusMessage, made.body].join(' ');
      output.ids = [made.headers['X-Request-Id'], made.headers['x-request-id'], made.headers['X-REQUEST-ID'], 'X-Request-Id' in made.headers].join(' ');`);
    expect(result.outputs).toEqual({ empty: '204 No Content ""', made: '201 Created made', ids: 'req-42 req-42 req-42 true' });
  });

  test('works from inside callbacks of built-ins (map, sort, replace)', SLOW, async () => {
    const result = await run(`
      const get = (p) => JSON.parse(http.request({ endpoint: 'Target', path: p }).write().body).url;
      output.mapped = ['a', 'b'].map((p) => get(p)).join(',');
      output.replaced = 'x-y'.replace(/\\w/g, (m) => get(m));`);
    expect(result.outputs).toEqual({ mapped: '/api/a,/api/b', replaced: '/api/x-/api/y' });
  });

  test('works from a promise callback too (promise jobs run while the script waits)', SLOW, async () => {
    const result = await run(`Promise.resolve().then(() => { output.url = JSON.parse(http.request({ endpoint: 'Target', path: '/x' }).write().body).url; });`);
    expect(result.outputs).toEqual({ url: '/api/x' });
  });

  test('from toJSON while outputs are read it fails the step clearly instead of vanishing', SLOW, async () => {
    const error = await failure(run(`output.x = { toJSON: () => http.request({ endpoint: 'Target', path: '/x' }).write().body };`));
    expect(error.code).toBe('SCRIPT_ERROR');
    expect(error.message).toMatch(/cannot be called while the script's outputs or error are read/);
  });
});

describe('request failures', () => {
  test('an unknown endpoint fails the step with ENDPOINT_NOT_FOUND and the line', SLOW, async () => {
    const error = await failure(run(`var x = 1;\nhttp.request({ endpoint: 'Nope', path: '/' }).write();`));
    expect(error.code).toBe('ENDPOINT_NOT_FOUND');
    expect(error.message).toBe('There is no endpoint named "Nope"');
    expect(error.details).toMatchObject({ line: 2 });
  });

  test('network errors are catchable Errors carrying their code', SLOW, async () => {
    const result = await run(`
      try { http.request({ endpoint: 'Refused', path: '/' }).write(); }
      catch (e) { output.code = e.code; output.isError = e instanceof Error; output.message = e.message; }
      try { http.request({ endpoint: 'Nope' }).write(); } catch (e) { output.missing = e.code; }`);
    expect(result.outputs).toMatchObject({ code: 'HTTP_CONNECT_FAILED', isError: 'true', missing: 'ENDPOINT_NOT_FOUND' });
    expect(result.outputs.message).toMatch(/Could not connect/);
  });

  test('an uncaught network error fails the step with its own code', SLOW, async () => {
    const error = await failure(run(`http.request({ endpoint: 'Refused', path: '/' }).write();`));
    expect(error.code).toBe('HTTP_CONNECT_FAILED');
  });

  test('a script cannot forge a request code by throwing an object', SLOW, async () => {
    const error = await failure(run(`var e = new Error('fake'); e.code = 'FORBIDDEN'; throw e;`));
    expect(error.code).toBe('SCRIPT_ERROR');
  });

  test('a slow target is cut off at the time limit and the request is aborted', SLOW, async () => {
    let aborted = false;
    const started = Date.now();
    const error = await failure(
      run(`http.request({ endpoint: 'Target', path: '/slow' }).write();`, {
        timeoutMs: 400,
        request: (request, signal) => {
          signal.addEventListener('abort', () => (aborted = true));
          return requestVia(endpoints)(request, signal);
        },
      }),
    );
    expect(error.code).toBe('SCRIPT_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(aborted).toBe(true);
  });
});

describe('endpoints by label, and http.authenticate', () => {
  test('a label of the step resolves to its endpoint name', SLOW, async () => {
    const sent: ScriptHttpRequest[] = [];
    const result = await run(`output.url = JSON.parse(http.request({ endpoint: 'Chat', path: '/echo' }).write().body).url;`, {
      endpointLabels: { Chat: 'Slack' },
      request: requestVia(endpoints, sent),
    });
    expect(result.outputs.url).toBe('/api/echo');
    expect(sent[0]?.endpoint).toBe('Slack');
  });

  test('http.authenticate returns the token the host hands out', SLOW, async () => {
    const asked: string[] = [];
    const result = await run(`output.auth = 'Bearer ' + http.authenticate('Chat');`, {
      endpointLabels: { Chat: 'Slack' },
      authenticate: async (name) => {
        asked.push(name);
        return 'xoxb-token';
      },
    });
    expect(result.outputs.auth).toBe('Bearer xoxb-token');
    expect(asked).toEqual(['Slack']);
  });

  test('without token support http.authenticate fails with a clear message', SLOW, async () => {
    const error = await failure(run(`var token = http.authenticate('Slack');`));
    expect(error.code).toBe('SCRIPT_ERROR');
    expect(error.message).toMatch(/http\.authenticate\('Slack'\) is not available/);
  });
});
