import type { Json } from '@flowyard/engine/schemas';
import { describe, expect, it } from 'vitest';
import { childFields, hasChildren, highlightParts, outputFields, pathKey, searchFields, searchState, valuePreview } from './data-tree';

const outputs = {
  status: 200,
  body: { user: { name: 'Ann', address: { city: 'Oslo' } }, items: [{ id: 'a1' }, { id: 'b2' }], empty: {} },
  headers: { 'content-type': 'application/json' },
};

describe('data tree', () => {
  it('lists outputs in their declared order first, then the rest as recorded', () => {
    expect(outputFields(outputs, ['body', 'missing']).map((f) => f.path)).toEqual([['body'], ['status'], ['headers']]);
  });

  it('builds children of objects (by key) and arrays (by index), none for values', () => {
    const [body] = outputFields({ body: outputs.body });
    const children = childFields(body!);
    expect(children.map((f) => [f.label, f.path])).toEqual([
      ['user', ['body', 'user']],
      ['items', ['body', 'items']],
      ['empty', ['body', 'empty']],
    ]);
    expect(childFields(children[1]!).map((f) => [f.label, f.path, f.value])).toEqual([
      ['[0]', ['body', 'items', 0], { id: 'a1' }],
      ['[1]', ['body', 'items', 1], { id: 'b2' }],
    ]);
    expect(childFields({ path: ['status'], value: 200 })).toEqual([]);
    expect([hasChildren({}), hasChildren([]), hasChildren([1]), hasChildren('x')]).toEqual([false, false, true, false]);
  });

  it('previews values briefly', () => {
    expect(valuePreview('Ann')).toBe('"Ann"');
    expect(valuePreview(null)).toBe('null');
    expect(valuePreview([1])).toBe('[1 item]');
    expect(valuePreview({ a: 1, b: 2 })).toBe('{2 fields}');
    expect(valuePreview('x'.repeat(100), 10)).toBe('"xxxxxxxx…');
  });

  it('searches keys and values, ignoring case, and keeps the ancestors of matches', () => {
    const search = searchFields(outputFields(outputs), 'OSLO');
    expect([...search.matches]).toEqual([pathKey(['body', 'user', 'address', 'city'])]);
    expect([...search.ancestors].sort()).toEqual([pathKey(['body']), pathKey(['body', 'user']), pathKey(['body', 'user', 'address'])].sort());
    expect(searchState(search, ['body', 'user', 'address', 'city'])).toBe('match');
    expect(searchState(search, ['body', 'user'])).toBe('ancestor');
    expect(searchState(search, ['body', 'items'])).toBe('hidden');
    expect(searchState(search, ['status'])).toBe('hidden');
  });

  it('matches keys but not array positions, and shows everything under a match', () => {
    const search = searchFields(outputFields(outputs), 'user');
    expect([...search.matches]).toEqual([pathKey(['body', 'user'])]);
    expect(searchState(search, ['body', 'user', 'address', 'city'])).toBe('all');
    expect(searchFields(outputFields(outputs), '0').matches.has(pathKey(['body', 'items', 0]))).toBe(false);
    expect([...searchFields(outputFields(outputs), '200').matches]).toEqual([pathKey(['status'])]);
  });

  it('shows everything without a search', () => {
    const search = searchFields(outputFields(outputs), '  ');
    expect(search.matches.size).toBe(0);
    expect(searchState(search, ['status'])).toBe('all');
    expect(searchState(null, ['status'])).toBe('all');
  });

  it('finds matches as deep as records nest (64 levels)', () => {
    let deep: Json = 'needle';
    for (let i = 0; i < 63; i++) deep = { k: deep };
    const search = searchFields(outputFields({ body: deep }), 'needle');
    expect(search.matches.size).toBe(1);
    expect(search.ancestors.size).toBe(63);
  });

  it('cuts text around a case-insensitive match for highlighting', () => {
    expect(highlightParts('Content-Type', 'type')).toEqual({ before: 'Content-', match: 'Type', after: '' });
    expect(highlightParts('abc', 'x')).toBeNull();
    expect(highlightParts('abc', '')).toBeNull();
  });
});
