import type { ErrorCode } from './error-code';

/** A field-level problem: `path` is the dotted path of the offending field. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** An error that carries a SPEC §7 code; every layer maps it, never guesses it from the message. */
export class FlowyardError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'FlowyardError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }
}

/** True when `error` is a FlowyardError (works across module copies). */
export function isFlowyardError(error: unknown): error is FlowyardError {
  return error instanceof FlowyardError;
}
