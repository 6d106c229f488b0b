import { FlowyardError, type FieldIssue } from '../errors/flowyard-error';

const MiB = 1024 * 1024;

export const DEFAULT_SCRIPT_TIMEOUT_MS = 10_000;
export const MAX_SCRIPT_TIMEOUT_MS = 60_000;
export const DEFAULT_SCRIPT_MEMORY_BYTES = 64 * MiB;
export const MIN_SCRIPT_MEMORY_BYTES = 4 * MiB;
export const MAX_SCRIPT_MEMORY_BYTES = 256 * MiB;
/** QuickJS's own stack limit (~1 500 nested calls); the worker's V8 stack is sized so QuickJS trips first. */
export const SCRIPT_STACK_BYTES = 256 * 1024;

export interface ScriptLimits {
  timeoutMs: number;
  memoryLimitBytes: number;
}

/** Applies the defaults and rejects limits outside the allowed ranges (VALIDATION_FAILED naming the field). */
export function resolveScriptLimits(options: { timeoutMs?: number; memoryLimitBytes?: number }): ScriptLimits {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SCRIPT_TIMEOUT_MS;
  const memoryLimitBytes = options.memoryLimitBytes ?? DEFAULT_SCRIPT_MEMORY_BYTES;
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_SCRIPT_TIMEOUT_MS) {
    issues.push({ path: 'timeoutMs', message: `Time limit must be a whole number of milliseconds from 1 to ${MAX_SCRIPT_TIMEOUT_MS}` });
  }
  if (!Number.isInteger(memoryLimitBytes) || memoryLimitBytes < MIN_SCRIPT_MEMORY_BYTES || memoryLimitBytes > MAX_SCRIPT_MEMORY_BYTES) {
    issues.push({
      path: 'memoryLimitBytes',
      message: `Memory limit must be from ${MIN_SCRIPT_MEMORY_BYTES / MiB} MiB to ${MAX_SCRIPT_MEMORY_BYTES / MiB} MiB`,
    });
  }
  if (issues.length > 0) {
    throw new FlowyardError('VALIDATION_FAILED', issues.map((issue) => issue.message).join('; '), { issues });
  }
  return { timeoutMs, memoryLimitBytes };
}

/** "10 s", "1.5 s", "64 MiB": limits as the Activity panel states them. */
export function describeTimeout(timeoutMs: number): string {
  return `${Number((timeoutMs / 1000).toFixed(3))} s`;
}

export function describeMemory(bytes: number): string {
  return `${Number((bytes / MiB).toFixed(2))} MiB`;
}
