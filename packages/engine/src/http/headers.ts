import { FlowyardError } from '../errors/flowyard-error';

const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const forbiddenValueChars = /[\r\n\0]/;
// The client computes these itself; letting a step set them would corrupt the request framing.
const managedHeaders = new Set(['content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect']);

/** Sets `name` in `headers`, replacing any existing header of the same name in another case. */
export function setHeader(headers: Record<string, string>, name: string, value: string): void {
  const lower = name.toLowerCase();
  for (const existing in headers) if (existing.toLowerCase() === lower) delete headers[existing];
  headers[name] = value;
}

/** Case-insensitive header lookup. */
export function getHeader(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const key in headers) if (key.toLowerCase() === lower) return headers[key];
  return undefined;
}

/** Rejects header names and values that cannot go on the wire, naming the header. */
export function validateRequestHeaders(headers: Record<string, string>): void {
  for (const name in headers) {
    const value = headers[name] ?? '';
    if (!tokenPattern.test(name)) {
      throw headerError(name, `Header name "${name}" is not valid: use letters, digits and -`);
    }
    if (managedHeaders.has(name.toLowerCase())) {
      throw headerError(name, `Header "${name}" is set automatically and cannot be set by a step`);
    }
    if (forbiddenValueChars.test(value)) {
      throw headerError(name, `Header "${name}" contains a line break or NUL character, which HTTP does not allow`);
    }
  }
}

function headerError(name: string, message: string): FlowyardError {
  return new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: `headers.${name}`, message }] });
}
