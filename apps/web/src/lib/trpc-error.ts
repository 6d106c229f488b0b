import { errorCodeSchema, type ErrorCode, type FieldIssue } from '@flowyard/engine/schemas';
import { z } from 'zod';
import { forbiddenMessage } from './forbidden-message';

/** What the server's error formatter puts in `error.data` (see docs/architecture.md). */
const errorDataSchema = z.object({
  code: z.string().optional(),
  httpStatus: z.number().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

const errorWithDataSchema = z.object({ message: z.string(), data: z.unknown().optional() });

/** An API failure as the UI needs it: the SPEC §7 code (when there is one), field issues, details. */
export interface ApiError {
  code: ErrorCode | undefined;
  message: string;
  issues: FieldIssue[];
  details: Record<string, unknown>;
}

/** Reads a TRPCClientError (or anything thrown) into an ApiError without trusting its shape. */
export function readApiError(error: unknown): ApiError {
  const outer = errorWithDataSchema.safeParse(error);
  if (!outer.success) {
    return { code: undefined, message: error ? String(error) : 'Something went wrong', issues: [], details: {} };
  }
  const data = errorDataSchema.safeParse(outer.data.data ?? {});
  const code = errorCodeSchema.safeParse(data.success ? data.data.code : undefined);
  const details = data.success ? (data.data.details ?? {}) : {};
  return {
    code: code.success ? code.data : undefined,
    // A refusal says which role would do, not which internal permission is missing.
    message: (code.success && code.data === 'FORBIDDEN' ? forbiddenMessage(details) : null) ?? outer.data.message,
    issues: data.success ? (data.data.issues ?? []) : [],
    details,
  };
}

/**
 * Splits issues into those that belong to one of `fields` (shown under that field) and the rest
 * (shown for the whole form). The first issue per field wins, as the form shows one message per field.
 */
export function splitIssues<F extends string>(
  issues: FieldIssue[],
  fields: readonly F[],
): { byField: Array<{ field: F; message: string }>; other: FieldIssue[] } {
  const byField: Array<{ field: F; message: string }> = [];
  const other: FieldIssue[] = [];
  for (const issue of issues) {
    const field = fields.find((f) => f === issue.path);
    if (field === undefined) other.push(issue);
    else if (!byField.some((entry) => entry.field === field)) byField.push({ field, message: issue.message });
  }
  return { byField, other };
}

/** The text to show for the part of an error no field displays. */
export function formLevelMessage(error: ApiError, other: FieldIssue[], fieldCount: number): string | null {
  if (other.length > 0) return other.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('\n');
  if (fieldCount > 0) return null;
  return error.message || 'Something went wrong';
}

/**
 * Whether repeating a failed query may help: yes for network failures and server errors, no when
 * the server answered that the request itself is wrong (4xx: not found, invalid, forbidden…).
 */
export function isRetryable(error: unknown): boolean {
  const outer = errorWithDataSchema.safeParse(error);
  const data = errorDataSchema.safeParse(outer.success ? (outer.data.data ?? {}) : {});
  const status = data.success ? data.data.httpStatus : undefined;
  return status === undefined || status >= 500;
}
