import type { ErrorCode } from '../errors/error-code';
import { FlowyardError } from '../errors/flowyard-error';
import type { LogLine } from '../run/run-record';

/** A failed script run: a FlowyardError that also carries the console lines written before it failed. */
export class ScriptRunError extends FlowyardError {
  readonly logs: LogLine[];

  constructor(code: ErrorCode, message: string, options: { details?: Record<string, unknown>; logs: LogLine[]; cause?: unknown }) {
    super(code, message, { details: options.details ?? {}, cause: options.cause });
    this.name = 'ScriptRunError';
    this.logs = options.logs;
  }
}
