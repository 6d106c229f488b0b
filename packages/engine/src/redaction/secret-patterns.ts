import type { Secret } from './secret';

/**
 * Values shorter than this are scrubbed only where they travel encoded (`a&b` as `a%26b`):
 * replacing every raw "abc" would garble the record. Base64 pairs are always scrubbed.
 */
export const MIN_SCRUB_LENGTH = 6;

/**
 * One way a secret may be written: a RegExp source, or for a value too long to compile, its text
 * (replaced as it is). `length` orders alternatives, longest first.
 */
export type SecretPattern = { kind: 'source'; source: string; length: number } | { kind: 'text'; text: string; length: number };

/**
 * The patterns that find `secret` in stored or shown text, in every encoding it travels in:
 * raw; percent-encoded (any subset of characters, either hex case, `+` for a space), which covers
 * `encodeURIComponent`, `URLSearchParams` and RFC 3986 strict forms; JSON-escaped once or twice
 * (short escapes, `\/`, and `\uXXXX` of either case, as JSON.stringify, Python, PHP and Go
 * write them); and for pairs the base64 and base64url of the Basic header's `user:password`.
 */
export function secretPatterns(secret: Secret): SecretPattern[] {
  if (typeof secret === 'string') {
    if (secret === '') return [];
    if (secret.length > MAX_FLEXIBLE_LENGTH) return literalForms(secret).map(literalPattern);
    return [{ kind: 'source', source: textSource(secret, secret.length < MIN_SCRUB_LENGTH), length: secret.length }];
  }
  const pairs =
    secret.kind === 'basic-pair'
      ? [`${secret.username}:${secret.password}`]
      : [
          `${oauthFormEncode(secret.clientId)}:${oauthFormEncode(secret.clientSecret)}`,
          `${formEncode(secret.clientId)}:${formEncode(secret.clientSecret)}`,
          `${secret.clientId}:${secret.clientSecret}`,
        ];
  const texts = new Set<string>();
  for (const pair of pairs) {
    const bytes = Buffer.from(pair, 'utf8');
    texts.add(bytes.toString('base64').replace(/=+$/, ''));
    texts.add(bytes.toString('base64url'));
  }
  // Padding, when present, goes with the value so that no stray `=` is left beside `[redacted]`.
  return [...texts].map((text) =>
    text.length > MAX_FLEXIBLE_LENGTH ? literalPattern(text) : { kind: 'source', source: `${textSource(text, false)}(?:=|%3[Dd]|\\\\u003[Dd])*`, length: text.length },
  );
}

/**
 * Longer values (a 4 KiB password of punctuation, a provider's oversized token) are matched by
 * their usual forms written out, not character by character: each character's alternatives would
 * make a RegExp past what V8 compiles.
 */
export const MAX_FLEXIBLE_LENGTH = 512;

// The forms a long value usually travels in: raw, percent-encoded (both hex cases), form-encoded,
// JSON-escaped once and twice, and JSON with non-ASCII escaped.
function literalForms(value: string): string[] {
  const percent = encodeURIComponent(value);
  const json = JSON.stringify(value).slice(1, -1);
  const asciiJson = json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const forms = [value, percent, percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()), formEncode(value), json, JSON.stringify(json).slice(1, -1), asciiJson];
  return [...new Set(forms)];
}

// Up to a few KiB a literal is cheaper in the shared RegExp; past that V8 would refuse to compile it.
function literalPattern(text: string): SecretPattern {
  return text.length > 4096 ? { kind: 'text', text, length: text.length } : { kind: 'source', source: literal(text), length: text.length };
}

/** A key that tells two secrets apart (a secret added twice is compiled once). */
export function secretKey(secret: Secret): string {
  if (typeof secret === 'string') return `v\u0000${secret}`;
  return secret.kind === 'basic-pair' ? `b\u0000${secret.username}\u0000${secret.password}` : `c\u0000${secret.clientId}\u0000${secret.clientSecret}`;
}

/** `application/x-www-form-urlencoded` as URLSearchParams writes it. */
function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** The form encoding oauth4webapi applies to the client id and secret of a Basic header. */
function oauthFormEncode(value: string): string {
  return encodeURIComponent(value).replace(/[-_.!~*'()]|%20/g, (part) => (part === '%20' ? '+' : `%${part.charCodeAt(0).toString(16).toUpperCase()}`));
}

// `text`, each character in any of its encodings. `encodedOnly`: at least one character must be
// written encoded (a short value is scrubbed only where it travels encoded).
function textSource(text: string, encodedOnly: boolean): string {
  const chars = [...text];
  const groups = chars.map(charSource);
  if (!encodedOnly) return groups.join('');
  const alternatives: string[] = [];
  chars.forEach((char, index) => {
    const encoded = encodedCharSources(char);
    if (encoded.length === 0) return;
    alternatives.push([...groups.slice(0, index), group(encoded), ...groups.slice(index + 1)].join(''));
  });
  // Nothing to match: a short value of letters and digits only; `(?!)` never matches.
  return alternatives.length === 0 ? '(?!)' : group(alternatives);
}

function charSource(char: string): string {
  const encoded = encodedCharSources(char);
  return encoded.length === 0 ? literal(char) : group([...encoded, literal(char)]);
}

const backslash = '\\\\';
// JSON's two-character escapes, by the character they stand for.
const jsonShortEscapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't' };

// Every way but the raw one that `char` may be written, longest first.
function encodedCharSources(char: string): string[] {
  if (/^[A-Za-z0-9]$/.test(char)) return [];
  const units: number[] = [];
  for (let i = 0; i < char.length; i++) units.push(char.charCodeAt(i));
  const unicode = (slashes: string) => units.map((unit) => `${slashes}u${hexSource(unit, 4)}`).join('');
  const sources = [unicode(backslash + backslash), unicode(backslash)];
  const short = jsonShortEscapes[char];
  if (short !== undefined) {
    // Escaped again, the backslash doubles, and so do a quote or backslash after it.
    const again = short === '"' || short === '\\' ? backslash + literal(short) : literal(short);
    sources.push(backslash + backslash + again, backslash + literal(short));
  }
  sources.push([...Buffer.from(char, 'utf8')].map((byte) => `%${hexSource(byte, 2)}`).join(''));
  if (char === ' ') sources.push('\\+');
  return sources;
}

function hexSource(value: number, width: number): string {
  return [...value.toString(16).padStart(width, '0')].map((digit) => (/[0-9]/.test(digit) ? digit : `[${digit.toUpperCase()}${digit}]`)).join('');
}

function group(alternatives: readonly string[]): string {
  return alternatives.length === 1 ? (alternatives[0] ?? '') : `(?:${alternatives.join('|')})`;
}

function literal(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
