import { describe, expect, it } from 'vitest';
import { scriptLocation, switchOutcome } from './script-location';

describe('scriptLocation', () => {
  it('reads the line, column and library of a script error', () => {
    expect(scriptLocation({ line: 4, column: 9 })).toBe('Line 4, column 9');
    expect(scriptLocation({ line: 2 })).toBe('Line 2');
    expect(scriptLocation({ line: 7, column: 1, library: 'utils' })).toBe('Line 7, column 1 in library utils');
  });

  it('is null without a usable line', () => {
    expect(scriptLocation({})).toBeNull();
    expect(scriptLocation({ line: 'x' })).toBeNull();
    expect(scriptLocation({ status: 500 })).toBeNull();
  });
});

describe('switchOutcome', () => {
  it('names the matched case or the default branch', () => {
    expect(switchOutcome({ value: 'a', matched: 'a' })).toBe('Matched case “a”');
    expect(switchOutcome({ value: 'zz', matched: 'default' })).toBe('No case matched “zz”: took the default branch');
    expect(switchOutcome(null)).toBeNull();
  });
});
