import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createScriptPool } from './script-pool';
import { ScriptRunError } from './script-run-error';
import { scriptOptions } from './script-test-kit';
import type { RunScriptOptions } from './script-types';

// Worker start-up under tsx is slow on a loaded machine; the runs themselves are fast.
const SLOW = { timeout: 60_000 };
const pool = createScriptPool({ size: 2 });

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

describe('scripts written for the reference product run unchanged', () => {
  test('the body runs as a function body: a top-level return ends it normally', SLOW, async () => {
    const result = await run(`output.a = 'before';\nif (true) return;\noutput.b = 'after';`);
    expect(result.outputs).toEqual({ a: 'before' });
  });

  test('non-strict mode alongside modern syntax', SLOW, async () => {
    const result = await run(`
      implicitGlobal = 5;                       // sloppy: assignment creates a global
      var octal = 010;                          // legacy octal literal
      function f() { return this === globalThis; }
      with ({ w: 'with works' }) { var fromWith = w; }
      const double = (x) => x * 2;
      let total = 0;
      for (const n of [1, 2, 3]) total += double(n);
      const { a, ...rest } = { a: 1, b: 2, c: 3 };
      class Greeter { constructor(name) { this.name = name; } hello() { return \`hi \${this.name}\`; } }
      output.result = [implicitGlobal, octal, f(), fromWith, total, a, Object.keys(rest).join(''), new Greeter('x').hello(), [1, [2, [3]]].flat(2).length, ({}).missing?.deep ?? 'nullish'].join(',');`);
    expect(result.outputs.result).toBe('5,8,true,with works,12,1,bc,hi x,3,nullish');
  });

  test('throw of a plain string fails the step with that string', SLOW, async () => {
    const error = await failure(run(`throw 'Target said no';`));
    expect(error.code).toBe('SCRIPT_ERROR');
    expect(error.message).toBe('Target said no');
  });

  test('throw of a response-like body (JSON text) keeps it verbatim; an object is shown as JSON', SLOW, async () => {
    expect((await failure(run(`var body = '{"error":"bad"}'; throw body;`))).message).toBe('{"error":"bad"}');
    expect((await failure(run(`throw { status: 500 };`))).message).toBe('{"status":500}');
  });

  test('inputs left empty are undefined; inputs are read-only strings', SLOW, async () => {
    const result = await run(
      `output.empty = typeof input['Empty'];
       output.missing = typeof input['Missing'];
       output.has = 'Empty' in input;
       input['Name'] = 'changed';
       output.name = input['Name'];
       output.spaced = input['With spaces'];`,
      { input: { Empty: '', Missing: undefined, Name: 'Ada', 'With spaces': '  ' } },
    );
    expect(result.outputs).toEqual({ empty: 'undefined', missing: 'undefined', has: 'false', name: 'Ada', spaced: '  ' });
  });

  test('outputs set to numbers, booleans, arrays or objects are stored as text', SLOW, async () => {
    const result = await run(`
      output['Count'] = 42;
      output['Ok'] = false;
      output['List'] = [1, 'two', { three: 3 }];
      output['Object'] = { a: { b: null } };
      output['Text'] = 'plain';
      output['Null'] = null;
      output['Skipped'] = undefined;
      output['When'] = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));`);
    expect(result.outputs).toEqual({
      Count: '42',
      Ok: 'false',
      List: '[1,"two",{"three":3}]',
      Object: '{"a":{"b":null}}',
      Text: 'plain',
      Null: '',
      When: '2024-01-02T03:04:05.000Z',
    });
  });

  test('constants, JSON and encodeURIComponent are there', SLOW, async () => {
    const result = await run(`output.v = constants['Region'] + ' ' + encodeURIComponent('a b&c') + ' ' + JSON.stringify(JSON.parse('{"x":[1]}'));`, {
      constants: { Region: 'eu-west' },
    });
    expect(result.outputs.v).toBe('eu-west a%20b%26c {"x":[1]}');
  });

  test('console.log/info/warn/error lines arrive in order, live and in the result', SLOW, async () => {
    const live: string[] = [];
    const result = await run(
      `console.log('one', 1, true, null, undefined);
       console.info({ a: [1] });
       console.warn(new TypeError('careful'));
       console.error('four');
       console.log(function named() {});`,
      { onLog: (line) => live.push(`${line.level}:${line.message}`) },
    );
    const lines = result.logs.map((line) => `${line.level}:${line.message}`);
    expect(lines).toEqual(['log:one 1 true null undefined', 'info:{"a":[1]}', 'warn:TypeError: careful', 'error:four', 'log:[Function named]']);
    expect(live).toEqual(lines);
    expect(result.logs.every((line) => !Number.isNaN(Date.parse(line.at)))).toBe(true);
  });

  test('console lines are capped per run at 1,000 lines of 8 KiB, with one line saying how many were dropped', SLOW, async () => {
    const result = await run(`console.log('x'.repeat(20000)); for (let i = 1; i < 1010; i++) console.log('line ' + i);`);
    expect(result.logs).toHaveLength(1001);
    expect(result.logs[0]?.message).toMatch(/^x{8000,}… \[line truncated at 8 KiB\]$/);
    expect(Buffer.byteLength(result.logs[0]?.message ?? '')).toBeLessThanOrEqual(8 * 1024);
    expect(result.logs[999]?.message).toBe('line 999');
    expect(result.logs[1000]).toMatchObject({ level: 'warn', message: expect.stringMatching(/^… truncated: 10 more console lines were dropped/) });
  });

  test('console lines written before a failure are kept on the error', SLOW, async () => {
    const error = await failure(run(`console.log('step 1');\nconsole.warn('step 2');\nthrow new Error('step 3 failed');`));
    expect(error.logs.map((line) => line.message)).toEqual(['step 1', 'step 2']);
    expect(error.details).toMatchObject({ line: 3 });
  });
});

describe('shared libraries', () => {
  const libraries = {
    Formatting: `exports.shout = function (text) { return text.toUpperCase() + '!'; };`,
    Greeting: `var fmt = require('Formatting');\nmodule.exports = function greet(name) { return fmt.shout('hello ' + name); };`,
    Broken: `exports.ok = true;\n\nexports.fail = function () { throw new Error('library failure'); };`,
    Counter: `var count = 0; exports.next = function () { return ++count; };`,
  };

  test('require loads a CommonJS library (exports and module.exports, nested requires)', SLOW, async () => {
    const result = await run(`var greet = require('Greeting');\noutput.text = greet('ada');`, { libraries });
    expect(result.outputs.text).toBe('HELLO ADA!');
  });

  test('a library is evaluated once per run and cached', SLOW, async () => {
    const result = await run(`require('Counter').next(); output.n = require('Counter').next();`, { libraries });
    expect(result.outputs.n).toBe('2');
  });

  test('an error inside a library reports the library and its line', SLOW, async () => {
    const error = await failure(run(`var lib = require('Broken');\nlib.fail();`, { libraries }));
    expect(error.code).toBe('SCRIPT_ERROR');
    expect(error.message).toBe('library failure');
    expect(error.details).toMatchObject({ library: 'Broken', line: 3 });
  });

  test('a syntax error in a library names it', SLOW, async () => {
    const error = await failure(run(`require('Bad');`, { libraries: { Bad: `exports.x = ;` } }));
    expect(error.message).toMatch(/^SyntaxError/);
    expect(error.details).toMatchObject({ library: 'Bad', line: 1 });
  });

  test('an unknown library is refused with the names that exist', SLOW, async () => {
    const error = await failure(run(`require('lodash');`, { libraries }));
    expect(error.message).toBe(
      "Cannot find module 'lodash': scripts can only require the workflow's shared libraries (this workflow has: Formatting, Greeting, Broken, Counter)",
    );
  });
});

describe('errors report where they happened', () => {
  test('a thrown Error reports its line and column', SLOW, async () => {
    const error = await failure(run(`var a = 1;\nvar b = 2;\n\n  throw new Error('on line four');`));
    expect(error.message).toBe('on line four');
    // QuickJS points at the call: the "(" of new Error(
    expect(error.details).toEqual({ line: 4, column: 18 });
  });

  test('a runtime error deep in a function reports the throwing line, with its type', SLOW, async () => {
    const error = await failure(run(`function outer() {\n  return inner();\n}\nfunction inner() {\n  return missing.value;\n}\nouter();`));
    expect(error.message).toBe("ReferenceError: 'missing' is not defined");
    expect(error.details).toMatchObject({ line: 5 });
  });

  test('a syntax error reports its line', SLOW, async () => {
    const error = await failure(run(`var ok = 1;\nvar broken = {;\n`));
    expect(error.message).toMatch(/^SyntaxError/);
    expect(error.details).toMatchObject({ line: 2 });
  });

  test('columns on the first line are the author\'s, not the wrapper\'s', SLOW, async () => {
    const first = await failure(run(`null.x`));
    const second = await failure(run(`\nnull.x`));
    expect(first.message).toMatch(/^TypeError/);
    expect(first.details).toEqual({ line: 1, column: 5 });
    expect(second.details).toEqual({ line: 2, column: 5 });
  });
});
