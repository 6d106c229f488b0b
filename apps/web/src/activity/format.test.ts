import { describe, expect, it } from 'vitest';
import { displayValue, formatDuration, formatStartTime } from './format';

describe('formatDuration', () => {
  it('reads naturally at every scale', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(849.6)).toBe('850 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(12_345)).toBe('12 s');
    expect(formatDuration(120_000)).toBe('2 m');
    expect(formatDuration(125_000)).toBe('2 m 5 s');
  });
});

describe('formatStartTime', () => {
  it('adds the date only for other days', () => {
    const now = new Date(2030, 0, 15, 12, 0, 0);
    expect(formatStartTime(new Date(2030, 0, 15, 9, 5, 7).toISOString(), now)).not.toMatch(/Jan/);
    expect(formatStartTime(new Date(2030, 0, 14, 9, 5, 7).toISOString(), now)).toMatch(/Jan/);
    expect(formatStartTime('not a date', now)).toBe('not a date');
  });
});

describe('displayValue', () => {
  it('shows text as is and other JSON pretty-printed', () => {
    expect(displayValue('{"a":1}')).toBe('{"a":1}');
    expect(displayValue({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(displayValue(200)).toBe('200');
    expect(displayValue(null)).toBe('null');
  });
});
