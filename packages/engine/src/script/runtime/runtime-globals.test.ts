import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createScriptPool } from '../script-pool';
import { ScriptRunError } from '../script-run-error';
import { scriptOptions } from '../script-test-kit';

// Worker start-up under tsx is slow on a loaded machine; the runs themselves are fast.
const SLOW = { timeout: 60_000 };
const pool = createScriptPool({ size: 1 });

beforeAll(() => pool.warmUp(), 60_000);
afterAll(() => pool.close());

/** Runs `source`, whose outputs are JSON-encoded by the script itself where not text. */
async function outputs(source: string): Promise<Record<string, string>> {
  return (await pool.run(scriptOptions(source))).outputs;
}

async function failure(source: string): Promise<ScriptRunError> {
  const error = await pool.run(scriptOptions(source)).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ScriptRunError)) throw new Error(`expected a ScriptRunError, got ${String(error)}`);
  return error;
}

describe('btoa / atob', () => {
  test('encode and decode Latin-1 text, forgiving whitespace and missing padding', SLOW, async () => {
    expect(await outputs(`
      output.a = btoa('user:pässword');
      output.b = atob('dXNlcjpw5HNzd29yZA==');
      output.c = atob(' aGk ');
      output.d = btoa('');
      output.e = atob(btoa('\\u00ff\\u0000x'));`)).toEqual({ a: 'dXNlcjpw5HNzd29yZA==', b: 'user:päss' + 'word', c: 'hi', d: '', e: '\u00ff\u0000x' });
  });

  test('non-Latin-1 input and malformed base64 throw InvalidCharacterError (a DOMException)', SLOW, async () => {
    expect(await outputs(`
      const names = [];
      for (const f of [() => btoa('€'), () => atob('abc*'), () => atob('a'), () => atob('ab=c')]) {
        try { f(); names.push('no error'); } catch (e) { names.push(e.name + ':' + e.code + ':' + (e instanceof DOMException) + ':' + (e instanceof Error)); }
      }
      output.names = names.join(' ');`)).toEqual({ names: Array(4).fill('InvalidCharacterError:5:true:true').join(' ') });
  });
});

describe('URL and URLSearchParams', () => {
  test('parse a URL and read its parts', SLOW, async () => {
    const out = await outputs(`
      const u = new URL('https://user:pw@Example.COM:8443/a/../b/c d?x=1&y=two%20words#frag');
      output.parts = JSON.stringify([u.href, u.origin, u.protocol, u.username, u.host, u.hostname, u.port, u.pathname, u.search, u.hash]);
      output.relative = new URL('../up?q', 'https://h.test/one/two/').href;
      output.string = String(new URL('HTTP://h.test')) + ' ' + JSON.stringify({ u: new URL('https://h.test/p') });`);
    expect(JSON.parse(out.parts ?? '')).toEqual([
      'https://user:pw@example.com:8443/b/c%20d?x=1&y=two%20words#frag', 'https://example.com:8443', 'https:', 'user', 'example.com:8443', 'example.com', '8443', '/b/c%20d', '?x=1&y=two%20words', '#frag',
    ]);
    expect(out.relative).toBe('https://h.test/one/up?q');
    expect(out.string).toBe('http://h.test/ {"u":"https://h.test/p"}');
  });

  test('an invalid URL throws TypeError; canParse says so', SLOW, async () => {
    expect(await outputs(`
      try { new URL('not a url'); } catch (e) { output.error = e.name + ': ' + e.message; }
      output.can = URL.canParse('nope') + ' ' + URL.canParse('/p', 'https://h.test');`)).toEqual({ error: 'TypeError: Invalid URL', can: 'false true' });
  });

  test('setters update the URL and searchParams stay in sync both ways', SLOW, async () => {
    expect(await outputs(`
      const u = new URL('https://h.test/path?a=1');
      u.searchParams.append('b', 'x y&z');
      u.searchParams.set('a', '2');
      output.afterParams = u.href;
      u.search = '?c=3';
      output.afterSearch = u.searchParams.get('c') + ' ' + u.searchParams.has('a');
      u.pathname = '/other';
      u.hash = 'h';
      u.searchParams.delete('c');
      output.final = u.href;`)).toEqual({
      afterParams: 'https://h.test/path?a=2&b=x+y%26z',
      afterSearch: '3 false',
      final: 'https://h.test/other#h',
    });
  });

  test('URLSearchParams: parsing, get/getAll/has/set/delete, iteration, toString', SLOW, async () => {
    expect(await outputs(`
      const p = new URLSearchParams('?a=1&b=%C3%A9+x&a=2&empty=');
      output.get = [p.get('a'), p.get('b'), p.get('missing'), p.get('empty')].join('|');
      output.getAll = p.getAll('a').join(',');
      output.has = [p.has('a'), p.has('a', '2'), p.has('a', '3')].join(',');
      const seen = [];
      p.forEach((value, key) => seen.push(key + '=' + value));
      output.forEach = seen.join(';');
      output.entries = JSON.stringify([...p.entries()]);
      output.spread = JSON.stringify(Array.from(p));
      output.keys = [...p.keys()].join(',') + ' ' + [...p.values()].join(',');
      p.delete('a');
      p.set('z', '!*\\'()~ ');
      output.string = p.toString() + ' size ' + p.size;
      output.fromRecord = new URLSearchParams({ q: 'a b', n: 1 }).toString();
      output.fromPairs = new URLSearchParams([['k', 'v'], ['k', 'w']]).toString();
      const s = new URLSearchParams('b=2&a=1&b=1'); s.sort();
      output.sorted = s.toString();`)).toEqual({
      get: '1|é x||',
      getAll: '1,2',
      has: 'true,true,false',
      forEach: 'a=1;b=é x;a=2;empty=',
      entries: '[["a","1"],["b","é x"],["a","2"],["empty",""]]',
      spread: '[["a","1"],["b","é x"],["a","2"],["empty",""]]',
      keys: 'a,b,a,empty 1,é x,2,',
      string: 'b=%C3%A9+x&empty=&z=%21*%27%28%29%7E+ size 3',
      fromRecord: 'q=a+b&n=1',
      fromPairs: 'k=v&k=w',
      sorted: 'a=1&b=2&b=1',
    });
  });
});

describe('TextEncoder / TextDecoder', () => {
  test('UTF-8 round trip, lone surrogates, BOM handling and fatal mode', SLOW, async () => {
    expect(await outputs(`
      const bytes = new TextEncoder().encode('aé€😀');
      output.bytes = Array.from(bytes).join(',');
      output.lone = Array.from(new TextEncoder().encode('\\ud800')).join(',');
      output.back = new TextDecoder().decode(bytes);
      output.bom = new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])) + '|' + new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68])).length;
      output.replaced = new TextDecoder().decode(new Uint8Array([0x61, 0xff, 0x62]));
      try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { output.fatal = e.name; }
      try { new TextDecoder('no-such-encoding'); } catch (e) { output.label = e.name; }
      output.encoding = new TextEncoder().encoding + ' ' + new TextDecoder('UTF8').encoding;
      output.view = new TextDecoder().decode(new DataView(bytes.buffer, 0, 1)) + new TextDecoder().decode(bytes.buffer.slice(1, 3));
      const target = new Uint8Array(4);
      output.into = JSON.stringify(new TextEncoder().encodeInto('a€b', target));`)).toEqual({
      bytes: '97,195,169,226,130,172,240,159,152,128',
      lone: '239,191,189',
      back: 'aé€😀',
      bom: 'hi|2',
      replaced: 'a\ufffdb',
      fatal: 'TypeError',
      label: 'RangeError',
      encoding: 'utf-8 utf-8',
      view: 'aé',
      into: '{"read":2,"written":4}',
    });
  });
});

describe('structuredClone', () => {
  test('plain data, Date, Map, Set, arrays, nesting and cycles', SLOW, async () => {
    expect(await outputs(`
      const shared = { n: 1 };
      const source = { s: 'x', d: new Date(0), m: new Map([['k', shared]]), set: new Set([1, 2]), list: [shared, shared, [1, [2]]], u: undefined };
      source.self = source;
      const copy = structuredClone(source);
      output.checks = [
        copy !== source, copy.self === copy, copy.d instanceof Date && copy.d.getTime() === 0, copy.d !== source.d,
        copy.m.get('k') === copy.list[0], copy.list[0] === copy.list[1], copy.list[0] !== shared, copy.set.has(2),
        copy.list[2][1][0] === 2, 'u' in copy, Array.isArray(copy.list),
      ].join(',');
      shared.n = 5;
      output.independent = String(copy.list[0].n);`)).toEqual({ checks: Array(11).fill('true').join(','), independent: '1' });
  });

  test('functions (and objects holding them) throw DataCloneError', SLOW, async () => {
    expect(await outputs(`
      const names = [];
      for (const value of [function f() {}, { nested: { g: () => 1 } }, Symbol('s'), new WeakMap()]) {
        try { structuredClone(value); names.push('cloned'); } catch (e) { names.push(e.name + ':' + (e instanceof DOMException)); }
      }
      output.names = names.join(' ');`)).toEqual({ names: Array(4).fill('DataCloneError:true').join(' ') });
  });
});

describe('locale-aware basics through the host', () => {
  test('localeCompare with locales and options (sensitivity, numeric)', SLOW, async () => {
    expect(await outputs(`
      output.basic = ['b', 'a', 'ä', 'z'].sort((x, y) => x.localeCompare(y, 'de')).join('');
      output.sv = ['z', 'ä', 'a'].sort((x, y) => x.localeCompare(y, 'sv')).join('');
      output.base = 'a'.localeCompare('A', 'en', { sensitivity: 'base' }) + ' ' + 'a'.localeCompare('á', 'en', { sensitivity: 'base' }) + ' ' + 'a'.localeCompare('á', 'en', { sensitivity: 'accent' });
      output.numeric = ['item10', 'item9', 'item1'].sort((x, y) => x.localeCompare(y, undefined, { numeric: true })).join(',');
      output.plain = 'a'.localeCompare('b');`)).toEqual({ basic: 'aäbz', sv: 'azä', base: '0 0 -1', numeric: 'item1,item9,item10', plain: '-1' });
  });

  test('Intl.Collator: compare works detached (array.sort(collator.compare)) and resolvedOptions reports', SLOW, async () => {
    const out = await outputs(`
      const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });
      output.sorted = ['10', '9', 'Ä', 'a'].sort(collator.compare).join(',');
      output.resolved = JSON.stringify(collator.resolvedOptions());
      output.callable = String(Intl.Collator('en').compare('a', 'b'));`);
    expect(out.sorted).toBe('9,10,Ä,a');
    expect(JSON.parse(out.resolved ?? '')).toMatchObject({ locale: 'de', numeric: true, sensitivity: 'base', usage: 'sort' });
    expect(out.callable).toBe('-1');
  });

  test('Intl.NumberFormat: currency, percent, decimal with fraction digits', SLOW, async () => {
    const out = await outputs(`
      output.eur = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(1234.5);
      output.usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(-0.5);
      output.percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(0.1234);
      output.decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(3);
      output.special = [NaN, Infinity, -0].map((n) => new Intl.NumberFormat('en').format(n)).join(' ');
      output.parts = JSON.stringify(new Intl.NumberFormat('en').formatToParts(1000));
      output.toLocale = (1234567.891).toLocaleString('en-US') + ' | ' + (0.5).toLocaleString('fr-FR', { style: 'percent' });`);
    expect(out).toMatchObject({ eur: '1.234,50\u00a0€', usd: '-$0.50', percent: '12.3%', decimal: '3.00', special: 'NaN ∞ -0', toLocale: '1,234,567.891 | 50\u00a0%' });
    expect(JSON.parse(out.parts ?? '')).toEqual([{ type: 'integer', value: '1' }, { type: 'group', value: ',' }, { type: 'integer', value: '000' }]);
  });

  test('Intl.DateTimeFormat and Date toLocale*String with options and timeZone', SLOW, async () => {
    const out = await outputs(`
      const d = new Date(Date.UTC(2024, 0, 15, 13, 5, 9));
      output.long = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
      output.tokyo = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' }).format(d);
      output.parts = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' }).formatToParts(d).map((p) => p.value).join('');
      output.resolved = new Intl.DateTimeFormat('de', { timeZone: 'Europe/Berlin' }).resolvedOptions().timeZone;
      output.toLocale = d.toLocaleString('en-US', { timeZone: 'UTC' });
      output.date = d.toLocaleDateString('de-DE', { timeZone: 'UTC' });
      output.time = d.toLocaleTimeString('en-US', { timeZone: 'America/New_York' });
      output.invalid = new Date(NaN).toLocaleString('en-US');`);
    // ICU versions differ in the space before AM/PM (U+0020 or U+202F).
    for (const key of Object.keys(out)) out[key] = (out[key] ?? '').replace(/\s/g, ' ');
    expect(out).toEqual({
      long: 'January 15, 2024',
      tokyo: '22:05',
      parts: 'Jan',
      resolved: 'Europe/Berlin',
      toLocale: '1/15/2024, 1:05:09 PM',
      date: '15.1.2024',
      time: '8:05:09 AM',
      invalid: 'Invalid Date',
    });
  });

  test('bad locales and options are refused at the boundary with the errors V8 throws', SLOW, async () => {
    expect(await outputs(`
      const errors = [];
      for (const f of [
        () => new Intl.NumberFormat('not_a_locale!'),
        () => 'a'.localeCompare('b', 'x-bad_'),
        () => new Intl.NumberFormat('en', { style: 'currency' }),
        () => new Intl.DateTimeFormat('en', { timeZone: 'Mars/Base' }),
        () => (1).toLocaleString('en', { maximumFractionDigits: 500 }),
        () => new Intl.Collator(['en', 5]),
      ]) {
        try { f(); errors.push('none'); } catch (e) { errors.push(e.name); }
      }
      output.errors = errors.join(',');`)).toEqual({ errors: 'RangeError,RangeError,TypeError,RangeError,RangeError,TypeError' });
  });

  test('a string too large for the host is refused, not passed on', SLOW, async () => {
    const error = await failure(`'x'.repeat(9 * 1024 * 1024).localeCompare('y', 'en');`);
    expect(error.message).toMatch(/RangeError: The value is too large/);
  });
});

describe('globals are there only as asked', () => {
  test('the runtime globals exist, and a script may replace them', SLOW, async () => {
    expect(await outputs(`
      output.types = ['btoa', 'atob', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'structuredClone', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'Intl']
        .map((name) => typeof globalThis[name]).join(',');
      URL = 'mine';
      output.replaced = URL;`)).toEqual({ types: 'function,function,function,function,function,function,function,function,function,function,function,function,object', replaced: 'mine' });
  });
});
