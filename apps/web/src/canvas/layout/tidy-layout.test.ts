import { describe, expect, it } from 'vitest';
import { tidyLayout } from './tidy-layout';

const node = (id: string, x: number, y: number) => ({ id, position: { x, y }, width: 224, height: 56 });

describe('tidyLayout', () => {
  it('lays a chain out top to bottom without overlaps, the first step staying put', () => {
    const nodes = [node('t', 100, 50), node('a', 900, -300), node('b', -400, 20), node('c', 100, 51)];
    const edges = [
      { source: 't', target: 'a' },
      { source: 'a', target: 'b' },
      { source: 'a', target: 'c' },
    ];
    const at = tidyLayout(nodes, edges);
    expect(at.get('t')).toEqual({ x: 100, y: 50 });
    const y = (id: string) => at.get(id)?.y ?? NaN;
    expect(y('a')).toBeGreaterThan(y('t'));
    expect(y('b')).toBeGreaterThan(y('a'));
    expect(y('b')).toBe(y('c'));
    const [b, c] = [at.get('b'), at.get('c')];
    expect(Math.abs((b?.x ?? 0) - (c?.x ?? 0))).toBeGreaterThanOrEqual(224);
  });

  it('returns nothing for an empty canvas', () => {
    expect(tidyLayout([], []).size).toBe(0);
  });
});
