import { REDACTED } from '../http/redact';
import type { Json } from '../run/run-record';
import type { Secret } from './secret';
import { secretKey, secretPatterns } from './secret-patterns';

/**
 * Scrubs what a run or test used from everything it records or shows: each secret, in every
 * encoding it travels in, reads `[redacted]`. It grows as the owner learns secrets (endpoints
 * resolved, tokens obtained) and compiles them into one RegExp, rebuilt only after a new one.
 */
export interface Scrubber {
  /** Adds secrets; one already known changes nothing. */
  add(...secrets: Secret[]): void;
  /** True while there is nothing to scrub: then `text` and `json` return what they are given. */
  readonly empty: boolean;
  text(text: string): string;
  /** A copy of `value` with strings and object keys scrubbed. */
  json(value: Json): Json;
  /** `json` for an object (outputs, inputs, error details). */
  jsonRecord(value: Record<string, Json>): Record<string, Json>;
}

/** A scrubber knowing `secrets` to begin with. */
export function createScrubber(secrets: readonly Secret[] = []): Scrubber {
  const known = new Set<string>();
  const sources = new Map<string, number>();
  // Values too long to compile, longest first, replaced after the RegExps.
  const texts: string[] = [];
  let compiled: RegExp[] | null = null;

  const isEmpty = (): boolean => sources.size === 0 && texts.length === 0;
  const text = (value: string): string => {
    if (value === '' || isEmpty()) return value;
    compiled ??= compile(sources);
    let out = value;
    for (const pattern of compiled) out = out.replace(pattern, REDACTED);
    for (const secret of texts) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };
  const json = (value: Json): Json => {
    if (typeof value === 'string') return text(value);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(json);
    return jsonRecord(value);
  };
  // fromEntries defines own properties, so a "__proto__" key stays a key.
  const jsonRecord = (value: Record<string, Json>): Record<string, Json> =>
    Object.fromEntries(Object.entries(value).map(([key, item]) => [text(key), json(item)]));

  const scrubber: Scrubber = {
    add(...added) {
      for (const secret of added) {
        const key = secretKey(secret);
        if (known.has(key)) continue;
        known.add(key);
        for (const pattern of secretPatterns(secret)) {
          if (pattern.kind === 'text') {
            if (!texts.includes(pattern.text)) texts.push(pattern.text);
            texts.sort((a, b) => b.length - a.length);
            continue;
          }
          if (sources.has(pattern.source)) continue;
          sources.set(pattern.source, pattern.length);
          compiled = null;
        }
      }
    },
    get empty() {
      return isEmpty();
    },
    text,
    json: (value) => (isEmpty() ? value : json(value)),
    jsonRecord: (value) => (isEmpty() ? value : jsonRecord(value)),
  };
  scrubber.add(...secrets);
  return scrubber;
}

// V8 refuses a RegExp source much past 32 KiB; alternatives are split into RegExps of this size.
const maxSourceLength = 16 * 1024;

// Longest first, across the RegExps too: where one secret starts another (or contains it), the
// longer one is replaced whole.
function compile(sources: ReadonlyMap<string, number>): RegExp[] {
  const ordered = [...sources].sort((a, b) => b[1] - a[1]).map(([source]) => source);
  const chunks: string[][] = [];
  let size = Infinity;
  for (const source of ordered) {
    if (size + source.length > maxSourceLength) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)?.push(source);
    size += source.length + 1;
  }
  return chunks.map((chunk) => new RegExp(chunk.join('|'), 'g'));
}
