import { describe, expect, it } from 'vitest';
import { createKeyedSource } from './keyed-source';

describe('createKeyedSource', () => {
  it('keeps a value its `same` finds unchanged, so its readers see the very same value', () => {
    const first = ['a'];
    const source = createKeyedSource(new Map([['n1', first], ['n2', ['b']]]), (a, b) => a.join() === b.join());
    source.set(new Map([['n1', ['a']], ['n2', ['c']]]));
    expect(source.get('n1')).toBe(first);
    expect(source.get('n2')).toEqual(['c']);
  });

  it('drops keys missing from the new values and tells every listener once per set', () => {
    const source = createKeyedSource(new Map([['n1', 'running']]));
    let calls = 0;
    const unsubscribe = source.subscribe(() => calls++);
    source.set(new Map([['n2', 'succeeded']]));
    expect(source.get('n1')).toBeUndefined();
    expect(source.get('n2')).toBe('succeeded');
    expect(calls).toBe(1);
    unsubscribe();
    source.set(new Map());
    expect(calls).toBe(1);
  });
});
