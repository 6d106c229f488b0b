import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time';

describe('formatRelativeTime', () => {
  const now = Date.parse('2024-05-10T12:00:00Z');
  it('says how long ago, in the largest whole unit', () => {
    expect(formatRelativeTime('2024-05-10T11:59:30Z', now)).toBe('just now');
    expect(formatRelativeTime('2024-05-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelativeTime('2024-05-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2024-05-09T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelativeTime('2023-05-01T12:00:00Z', now)).toBe('last year');
  });
  it('returns input it cannot read unchanged', () => {
    expect(formatRelativeTime('soon', now)).toBe('soon');
  });
});
