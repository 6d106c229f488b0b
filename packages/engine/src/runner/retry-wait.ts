import type { ErrorCode } from '../errors/error-code';
import { MAX_RETRY_WAIT_MS } from '../flow/on-failure';
import { getHeader } from '../http/headers';
import type { HttpExchange } from '../run/run-record';

/** Statuses whose Retry-After header says when to try again. */
const retryAfterStatuses: ReadonlySet<number> = new Set([429, 503]);
/** Statuses an HTTP Request step under "retry" tries again on (any other status is its output). */
export const retryableStatuses: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);
/** Failures that would fail the same way on every try: no point waiting to see it again. */
const finalCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['VALIDATION_FAILED', 'ENDPOINT_NOT_FOUND', 'OUTPUT_TOO_LARGE', 'FORBIDDEN']);

/** True when a step failure with this code may go away by trying again. */
export function retryableCode(code: ErrorCode): boolean {
  return !finalCodes.has(code);
}

/**
 * How long to wait before try `nextTry` (2 for the first retry): the target's Retry-After when the
 * try's last answer was a 429 or 503 carrying one, else exponential backoff from `delayMs` with
 * "equal jitter" (half the delay fixed, half random, so concurrent runs spread out); both capped at
 * MAX_RETRY_WAIT_MS. `now` reads an HTTP-date Retry-After; `random` is in [0, 1).
 */
export function retryWaitMs(nextTry: number, delayMs: number, lastExchange: HttpExchange | undefined, now: Date, random: () => number): number {
  const told = lastExchange === undefined ? null : retryAfterMs(lastExchange, now);
  if (told !== null) return Math.min(told, MAX_RETRY_WAIT_MS);
  const backoff = Math.min(delayMs * 2 ** (nextTry - 2), MAX_RETRY_WAIT_MS);
  return Math.round(backoff / 2 + (backoff / 2) * random());
}

/** The wait a 429 or 503 answer asks for (delta-seconds or an HTTP date), or null when it asks none. */
export function retryAfterMs(exchange: HttpExchange, now: Date): number | null {
  if (exchange.status === null || !retryAfterStatuses.has(exchange.status)) return null;
  const value = getHeader(exchange.responseHeaders, 'retry-after')?.trim();
  if (value === undefined || value === '') return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** Waits `ms`, or until `signal` aborts (then resolves at once: the caller sees the abort). */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
