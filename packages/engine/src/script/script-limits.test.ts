import { describe, expect, test } from 'vitest';
import { FlowyardError } from '../errors/flowyard-error';
import { describeMemory, describeTimeout, resolveScriptLimits } from './script-limits';

describe('resolveScriptLimits', () => {
  test('defaults to 10 s and 64 MiB', () => {
    expect(resolveScriptLimits({})).toEqual({ timeoutMs: 10_000, memoryLimitBytes: 64 * 1024 * 1024 });
  });

  test('accepts up to 60 s', () => {
    expect(resolveScriptLimits({ timeoutMs: 60_000 }).timeoutMs).toBe(60_000);
  });

  test('rejects limits out of range, naming every field', () => {
    let caught: unknown;
    try {
      resolveScriptLimits({ timeoutMs: 60_001, memoryLimitBytes: 1024 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FlowyardError);
    expect(caught).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [
        { path: 'timeoutMs', message: 'Time limit must be a whole number of milliseconds from 1 to 60000' },
        { path: 'memoryLimitBytes', message: 'Memory limit must be from 4 MiB to 256 MiB' },
      ],
    });
    expect(() => resolveScriptLimits({ timeoutMs: 1.5 })).toThrow(FlowyardError);
    expect(() => resolveScriptLimits({ timeoutMs: 0 })).toThrow(FlowyardError);
  });

  test('describes limits the way error messages state them', () => {
    expect(describeTimeout(10_000)).toBe('10 s');
    expect(describeTimeout(1_500)).toBe('1.5 s');
    expect(describeMemory(64 * 1024 * 1024)).toBe('64 MiB');
  });
});
