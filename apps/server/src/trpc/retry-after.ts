import { isFlowyardError } from '@flowyard/engine';
import type { TRPCError } from '@trpc/server';
import type { ResponseMeta } from '@trpc/server/http';

/** A `Retry-After` header for an answer that says TOO_MANY_REQUESTS with `details.retryAfterSeconds`. */
export function retryAfterMeta(errors: readonly TRPCError[]): ResponseMeta {
  for (const error of errors) {
    const cause = error.cause;
    if (!isFlowyardError(cause) || cause.code !== 'TOO_MANY_REQUESTS') continue;
    const seconds = cause.details.retryAfterSeconds;
    if (typeof seconds === 'number') return { headers: new Headers({ 'Retry-After': String(seconds) }) };
  }
  return {};
}
