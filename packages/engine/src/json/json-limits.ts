// The bounds on JSON that enters Flowyard (SPEC §7a). Browser-safe: no imports. Every check here is
// iterative, because a recursive walk (or JSON.stringify, or a recursive zod schema) overflows the
// stack on the very input these checks exist to refuse.

/** How deep any JSON that enters may nest: trigger bodies, runs.start payloads, import files, step outputs. */
export const MAX_JSON_DEPTH = 64;

/** How the depth limit reads in messages. */
export const jsonDepthLimitText = `JSON may nest at most ${MAX_JSON_DEPTH} levels`;

const OPEN_ARRAY = 0x5b; // [
const OPEN_OBJECT = 0x7b; // {
const CLOSE_ARRAY = 0x5d; // ]
const CLOSE_OBJECT = 0x7d; // }
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * True when JSON text opens more than `maxDepth` arrays or objects inside one another: a scan of
 * the brackets outside strings, cheap enough to run before JSON.parse (the text need not be valid).
 */
export function jsonTextTooDeep(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
  // Fewer characters than the brackets it takes cannot be too deep.
  if (text.length <= maxDepth) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      if (++depth > maxDepth) return true;
    } else if ((code === CLOSE_ARRAY || code === CLOSE_OBJECT) && depth > 0) depth--;
  }
  return false;
}

/** What is wrong with a value that should be JSON, and where (keys and indexes from the value itself). */
export interface JsonProblem {
  kind: 'not-json' | 'too-deep';
  path: (string | number)[];
  message: string;
}

/** A value that passed: `maxBytes` is an upper bound of its JSON text's size in UTF-8 bytes. */
export interface JsonMeasure {
  maxBytes: number;
}

interface Pending {
  value: unknown;
  depth: number;
  parent: Pending | null;
  key: string | number;
}

// Each UTF-16 unit of a string is at most 6 bytes once serialised (`\u001f`); a number at most 24.
const BYTES_PER_CHAR = 6;
const NUMBER_BYTES = 24;

/**
 * Checks that `value` is JSON (text, finite numbers, booleans, null, lists, plain objects) nesting
 * at most `maxDepth` arrays or objects, without recursion. Returns the first problem, or an upper
 * bound of its serialised size.
 */
export function checkJsonValue(value: unknown, maxDepth: number = MAX_JSON_DEPTH): JsonProblem | JsonMeasure {
  let maxBytes = 0;
  const stack: Pending[] = [{ value, depth: 0, parent: null, key: '' }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const item = entry.value;
    if (item === null || typeof item === 'boolean') maxBytes += 5;
    else if (typeof item === 'string') maxBytes += 2 + BYTES_PER_CHAR * item.length;
    else if (typeof item === 'number') {
      if (!Number.isFinite(item)) return problem('not-json', entry, 'Must be JSON: numbers must be finite');
      maxBytes += NUMBER_BYTES;
    } else if (typeof item === 'object') {
      const depth = entry.depth + 1;
      if (depth > maxDepth) return problem('too-deep', entry, `Nests deeper than ${maxDepth} levels (${jsonDepthLimitText})`);
      if (Array.isArray(item)) {
        maxBytes += 1 + item.length;
        for (let i = item.length - 1; i >= 0; i--) stack.push({ value: item[i], depth, parent: entry, key: i });
      } else if (isPlainObject(item)) {
        const keys = Object.keys(item);
        maxBytes += 1 + keys.length;
        for (let i = keys.length - 1; i >= 0; i--) {
          const key = keys[i] ?? '';
          maxBytes += 3 + BYTES_PER_CHAR * key.length;
          stack.push({ value: item[key], depth, parent: entry, key });
        }
      } else return problem('not-json', entry, 'Must be JSON: a list or a plain object');
    } else return problem('not-json', entry, 'Must be JSON: text, a number, true/false, null, a list or an object');
  }
  return { maxBytes };
}

/** True when checkJsonValue found a problem. */
export function isJsonProblem(check: JsonProblem | JsonMeasure): check is JsonProblem {
  return 'kind' in check;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function problem(kind: JsonProblem['kind'], entry: Pending, message: string): JsonProblem {
  // Too deep is said of the value checked (its field), not at a path 64 keys long.
  if (kind === 'too-deep') return { kind, path: [], message };
  const path: (string | number)[] = [];
  for (let at: Pending | null = entry; at !== null && at.parent !== null; at = at.parent) path.push(at.key);
  return { kind, path: path.reverse(), message };
}
