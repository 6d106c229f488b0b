import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time';

describe('isoTime', () => {
  it('matches toISOString for the same and for other instants, and throws for an invalid date', () => {
    const instants = [0, 1_712_345_678_000, 1_712_345_678_000, 1_712_345_678_001, -1, 8.64e15];
    for (const time of instants) expect(isoTime(new Date(time))).toBe(new Date(time).toISOString());
    expect(() => isoTime(new Date(Number.NaN))).toThrow(RangeError);
    expect(isoTime(new Date(5))).toBe('1970-01-01T00:00:00.005Z');
  });
});
