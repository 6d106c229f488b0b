import { FlowyardError } from '../errors/flowyard-error';

export interface JoinUrlOptions {
  /** Percent-encode characters that may not appear in a URL (default true); existing `%XX` stay as they are. */
  autoEncodeURI?: boolean;
}

/** A request target split the way an HTTP client needs it. */
export interface RequestTarget {
  /** `scheme://host[:port]`, no trailing slash. */
  origin: string;
  /** Path and query as sent on the request line; always starts with `/`. */
  path: string;
  /** `origin + path`: the URL the Activity panel shows. */
  url: string;
}

// RFC 3986 characters allowed in a request target's path and query, except `%`
// (handled separately so that valid `%XX` escapes survive and stray `%` do not).
// `#`, `[` and `]` are excluded on purpose: a request line carries no fragment or IP literal.
const allowed = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;
const allAllowed = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*$/;
const hexPair = /^[0-9A-Fa-f]{2}$/;
const leadingSlashes = /^\/+/;

/** Base URL + path with exactly one `/` between them (SPEC §2 path joining). */
export function joinUrl(baseUrl: string, path: string, options: JoinUrlOptions = {}): string {
  return requestTarget(baseUrl, path, options).url;
}

/** Like `joinUrl`, but also returns the origin and request path separately. */
export function requestTarget(baseUrl: string, path: string, options: JoinUrlOptions = {}): RequestTarget {
  const { origin, basePath } = parseBase(baseUrl);
  const encoded = options.autoEncodeURI === false ? verbatimPath(path) : encodePath(path);

  let joined: string;
  if (encoded === '') joined = basePath === '' ? '/' : basePath;
  else if (encoded.startsWith('?')) joined = (basePath === '' ? '/' : basePath) + encoded;
  else joined = `${basePath}/${encoded.charCodeAt(0) === 0x2f ? encoded.replace(leadingSlashes, '') : encoded}`;

  return { origin, path: joined, url: origin + joined };
}

// Endpoints are few and requests many: remember parsed base URLs (bounded, oldest dropped first).
const parsedBases = new Map<string, { origin: string; basePath: string }>();

function parseBase(baseUrl: string): { origin: string; basePath: string } {
  const cached = parsedBases.get(baseUrl);
  if (cached !== undefined) return cached;
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new FlowyardError('VALIDATION_FAILED', `Base URL "${baseUrl}" is not an absolute URL`, {
      issues: [{ path: 'baseUrl', message: 'Base URL must be an absolute URL' }],
    });
  }
  // `pathname` is already encoded by the URL parser; only the trailing slash matters here.
  const parsed = { origin: base.origin, basePath: base.pathname.replace(/\/+$/, '') };
  if (parsedBases.size >= 1000) parsedBases.delete(parsedBases.keys().next().value ?? '');
  parsedBases.set(baseUrl, parsed);
  return parsed;
}

/** Percent-encodes what may not appear in a request target, keeping valid `%XX` escapes. */
export function encodePath(path: string): string {
  if (allAllowed.test(path)) return path; // the common case: nothing to encode
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const ch = path.charAt(i);
    if (ch === '%') {
      out += hexPair.test(path.slice(i + 1, i + 3)) ? '%' : '%25';
      continue;
    }
    if (allowed.test(ch)) {
      out += ch;
      continue;
    }
    // Encode a whole code point (surrogate pairs included); a lone surrogate becomes U+FFFD.
    const codePoint = path.codePointAt(i) ?? 0xfffd;
    const char = String.fromCodePoint(codePoint);
    if (char.length === 2) i++;
    out += encodeCodePoint(char);
  }
  return out;
}

function encodeCodePoint(char: string): string {
  try {
    return encodeURIComponent(char);
  } catch {
    return '%EF%BF%BD'; // a lone surrogate cannot be UTF-8 encoded: send U+FFFD like a browser would
  }
}

/** Checks a path used verbatim (autoEncodeURI off): it must already be a valid request target. */
export function verbatimPath(path: string): string {
  if (allAllowed.test(path)) return path;
  for (let i = 0; i < path.length; i++) {
    const ch = path.charAt(i);
    if (ch === '%') {
      if (!hexPair.test(path.slice(i + 1, i + 3))) {
        throw pathError(`"%" at position ${i + 1} is not followed by two hex digits (write %25 for a literal %)`);
      }
      continue;
    }
    if (!allowed.test(ch)) {
      const shown = ch === ' ' ? 'a space' : /[\u0000-\u001f\u007f]/.test(ch) ? 'a control character' : `"${ch}"`;
      throw pathError(`Path contains ${shown} at position ${i + 1}, which is not allowed in a URL; encode it or turn on Encode URL`);
    }
  }
  return path;
}

function pathError(message: string): FlowyardError {
  return new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: 'path', message }] });
}
