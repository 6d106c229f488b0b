import { apiKeyPrefix } from '@flowyard/engine';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The API key a request carries: `Authorization: Bearer fy_…`, or Basic auth with the key
 * as the password (any user name), for clients that only speak Basic. Undefined when the
 * request has no Authorization header; the header's raw value (which will then fail
 * authentication) when it is some other scheme.
 */
export function readApiKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization?.trim();
  if (!header) return undefined;
  const space = header.indexOf(' ');
  const scheme = space === -1 ? header : header.slice(0, space);
  const value = space === -1 ? '' : header.slice(space + 1).trim();
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon === -1 ? decoded : decoded.slice(colon + 1);
  }
  return header;
}

/** True when `text` has the shape of a Flowyard API key (it may still be unknown or revoked). */
export function looksLikeApiKey(text: string): boolean {
  return text.startsWith(apiKeyPrefix) && text.length > apiKeyPrefix.length + 20 && /^[A-Za-z0-9_-]+$/.test(text);
}
