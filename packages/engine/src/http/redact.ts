/** Shown instead of a secret in run records and the Activity panel. */
export const REDACTED = '[redacted]';

// Headers whose values are credentials or session state.
const sensitiveHeaders = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
]);

/** True when a header's value must never be recorded. */
export function isSensitiveHeader(name: string): boolean {
  return sensitiveHeaders.has(name.toLowerCase());
}

/** A copy of `headers` with credential values replaced by `[redacted]`. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) out[name] = isSensitiveHeader(name) ? REDACTED : (headers[name] ?? '');
  return out;
}
