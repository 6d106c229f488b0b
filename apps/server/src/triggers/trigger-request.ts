import { httpTriggerWaitParam, redactHeaders, type HttpTriggerPayload } from '@flowyard/engine';
import type { IncomingHttpHeaders } from 'node:http';

/** The request headers a flow sees: lower-case names, repeated ones joined, credentials `[redacted]`. */
export function triggerHeaders(headers: IncomingHttpHeaders): HttpTriggerPayload['headers'] {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return redactHeaders(out);
}

/**
 * The query parameters a flow sees (a repeated one as a list), without the trigger's own `wait`. No
 * prototype: `constructor`, `toString` and `__proto__` are parameters like any other.
 */
export function triggerQuery(params: URLSearchParams): HttpTriggerPayload['query'] {
  const query: HttpTriggerPayload['query'] = Object.create(null);
  for (const [name, value] of params) {
    if (name === httpTriggerWaitParam) continue;
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

/** `?wait=true` (or 1, or an empty `?wait`): the caller waits for the run. */
export function wantsToWait(params: URLSearchParams): boolean {
  const value = params.get(httpTriggerWaitParam);
  return value !== null && ['', 'true', '1', 'yes'].includes(value.toLowerCase());
}

/** The query parameters of a request URL (path and query, as `req.url` has it). */
export function queryParams(url: string): URLSearchParams {
  const start = url.indexOf('?');
  return new URLSearchParams(start === -1 ? '' : url.slice(start + 1));
}
