import { isFlowyardError, type FieldIssue } from '@flowyard/engine';
import type { TRPCError } from '@trpc/server';
import { z } from 'zod';

/** What the error formatter puts in `error.data` besides tRPC's own fields. */
export interface ApiErrorData {
  /** The SPEC §7 code, or the tRPC code when the failure has none (e.g. INTERNAL_SERVER_ERROR). */
  code: string;
  message: string;
  issues: FieldIssue[];
  details: Record<string, unknown>;
}

export const internalErrorMessage = 'Something went wrong on the server; the details are in its log';

// Schema-library issues (zod, or any standard schema) as tRPC hands them over in `cause`.
const pathSegmentSchema = z.union([z.string(), z.number(), z.symbol(), z.object({ key: z.union([z.string(), z.number(), z.symbol()]) })]);
const schemaFailureSchema = z.object({
  issues: z.array(z.object({ path: z.array(pathSegmentSchema).optional(), message: z.string() })).min(1),
});

function dottedPath(path: z.infer<typeof pathSegmentSchema>[] | undefined): string {
  return (path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.');
}

/** Reads any tRPC error into the API's error data, masking what must not reach a client. */
export function describeApiError(error: TRPCError): ApiErrorData {
  const cause = error.cause;
  if (isFlowyardError(cause)) {
    return { code: cause.code, message: cause.message, issues: cause.issues, details: cause.details };
  }
  if (error.code === 'BAD_REQUEST') {
    const failure = schemaFailureSchema.safeParse(cause);
    if (failure.success) {
      const issues = failure.data.issues.map((issue) => ({ path: dottedPath(issue.path), message: issue.message }));
      return { code: 'VALIDATION_FAILED', message: issues.map((i) => i.message).join('; '), issues, details: {} };
    }
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    return { code: error.code, message: internalErrorMessage, issues: [], details: {} };
  }
  return { code: error.code, message: error.message, issues: [], details: {} };
}
