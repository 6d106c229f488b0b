import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonSchema } from '../run/run-record';
import { checkJsonValue, isJsonProblem, jsonTextTooDeep, MAX_JSON_DEPTH } from './json-limits';

const nestedText = (depth: number, open = '[', close = ']'): string => `${open.repeat(depth)}${close.repeat(depth)}`;
function nestedValue(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

describe('jsonTextTooDeep', () => {
  it('counts brackets up to the limit and refuses one more', () => {
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(jsonTextTooDeep(nestedText(64))).toBe(false);
    expect(jsonTextTooDeep(nestedText(65))).toBe(true);
    expect(jsonTextTooDeep(JSON.stringify(nestedValue(64)))).toBe(false);
    expect(jsonTextTooDeep(JSON.stringify(nestedValue(65)))).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonTextTooDeep(JSON.stringify({ text: '['.repeat(500), quoted: '"[[[[', slash: '\\' }))).toBe(false);
    expect(jsonTextTooDeep(`["\\"${'['.repeat(100)}"]`)).toBe(false);
  });

  it('measures depth, not the number of brackets', () => {
    expect(jsonTextTooDeep(JSON.stringify(Array.from({ length: 1000 }, () => [[1], { a: [2] }])))).toBe(false);
  });

  it('scans 100,000 levels without overflowing', () => {
    expect(jsonTextTooDeep(nestedText(100_000, '{"a":', '}'))).toBe(true);
  });
});

describe('checkJsonValue', () => {
  it('passes JSON within the limit and bounds its serialised size from above', () => {
    const value = { name: 'Ann', tags: ['a', 'é'], n: 1.5, ok: true, none: null, deep: nestedValue(60) };
    const check = checkJsonValue(value);
    expect(isJsonProblem(check)).toBe(false);
    if (!isJsonProblem(check)) expect(check.maxBytes).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(value)));
  });

  it('refuses a value deeper than the limit, iteratively (100,000 levels)', () => {
    expect(checkJsonValue(nestedValue(64))).not.toHaveProperty('kind');
    expect(checkJsonValue(nestedValue(65))).toMatchObject({ kind: 'too-deep', path: [], message: expect.stringContaining('64') });
    expect(checkJsonValue(nestedValue(100_000))).toMatchObject({ kind: 'too-deep' });
  });

  it('names where a value is not JSON', () => {
    expect(checkJsonValue({ a: [1, { b: undefined }] })).toMatchObject({ kind: 'not-json', path: ['a', 1, 'b'] });
    expect(checkJsonValue({ n: Number.NaN })).toMatchObject({ kind: 'not-json', path: ['n'] });
    expect(checkJsonValue({ when: new Date() })).toMatchObject({ kind: 'not-json', path: ['when'] });
  });

  it('takes objects without a prototype and keys such as __proto__ as plain data', () => {
    const bare: unknown = Object.assign(Object.create(null), { constructor: 'x', toString: 'y' });
    expect(isJsonProblem(checkJsonValue(bare))).toBe(false);
    expect(isJsonProblem(checkJsonValue(JSON.parse('{"__proto__": {"polluted": 1}}')))).toBe(false);
  });
});

describe('jsonSchema', () => {
  const payload = z.object({ payload: jsonSchema });

  it('refuses deep input with an issue at the field that names the limit, instead of overflowing', () => {
    const result = payload.safeParse({ payload: nestedValue(10_000) });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['payload'], message: expect.stringContaining('at most 64 levels') })]);
  });

  it('passes JSON on as it is, keys such as __proto__ included', () => {
    const value: unknown = JSON.parse('{"__proto__": "kept", "constructor": "also", "list": [1, "two", null]}');
    const parsed = payload.parse({ payload: value });
    expect(parsed.payload).toBe(value);
    expect(Object.keys(parsed.payload ?? {})).toEqual(['__proto__', 'constructor', 'list']);
  });

  it('still refuses what is not JSON, at its path', () => {
    const result = payload.safeParse({ payload: { list: [1, () => 1] } });
    expect(result.error?.issues[0]?.path).toEqual(['payload', 'list', 1]);
  });
});
