import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id';

describe('time-ordered ids', () => {
  it('are version 7 UUIDs that sort in creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => timeOrderedId(1_700_000_000_000));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]?.slice(0, 13)).toBe('018bcfe5-6800');
    const later = timeOrderedId(1_700_000_000_000 + 60_000);
    expect(later > (ids.at(-1) ?? '')).toBe(true);
  });
});
