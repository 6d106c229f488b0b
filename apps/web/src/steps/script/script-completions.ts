import { escapeForQuote } from './js-string';

/** The names a script can use, as the editor completes them. */
export interface ScriptNames {
  /** The step's own endpoint label, when it includes an endpoint (offered first). */
  stepEndpoint?: string | null;
  /** Endpoint names of the workflow. */
  endpoints: readonly string[];
  inputs: readonly string[];
  outputs: readonly string[];
  constants: readonly string[];
  /** Shared library names of the workflow (`require('…')`). */
  libraries: readonly string[];
  /** Flow names of the workflow, offered inside `flows.start('…')` (integration scripts). */
  flows?: readonly string[];
  /** Members offered after `<object>.` for the script's own objects, e.g. `request` of an integration script. */
  members?: Readonly<Record<string, readonly ObjectMember[]>>;
}

/** A property or function of a script object, as completion offers it after `object.`. */
export interface ObjectMember {
  name: string;
  detail: string;
  /** What to insert; the name when absent (e.g. `start(` for a function). */
  apply?: string;
}

export interface ScriptCompletionOption {
  label: string;
  /** The text inserted (escaped for the string it goes into); the label when absent. */
  apply?: string;
  detail?: string;
  type: 'property' | 'constant' | 'variable' | 'keyword';
}

export interface ScriptCompletion {
  /** Where the replaced text starts (an offset into the text before the cursor). */
  from: number;
  options: ScriptCompletionOption[];
  /** True in places where a list is useful before anything is typed (just inside a string, just after a dot). */
  eager: boolean;
  /** The list stays valid while a word is typed (members after a dot), not the rest of a string. */
  word?: boolean;
}

/** The options of `http.request(options)` (SPEC §5). */
export const httpRequestOptions = [
  { label: 'endpoint', detail: 'endpoint name or the step’s endpoint label' },
  { label: 'method', detail: "'GET' (default), 'POST', …" },
  { label: 'path', detail: 'added to the base URL; may carry a query' },
  { label: 'headers', detail: "{ 'Content-Type': 'application/json' }" },
  { label: 'autoEncodeURI', detail: 'percent-encode unsafe characters (default true)' },
] as const;

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

interface ObjectScan {
  /** Depth of nesting inside the options object: 1 = directly in it. */
  depth: number;
  /** The open string at the cursor: its quote and where its text starts. */
  string: { quote: "'" | '"'; start: number } | null;
  /** Keys already written directly in the options object. */
  keys: Set<string>;
}

/**
 * Reads the text after `http.request(` up to the cursor: whether the cursor is inside the
 * options object literal, how deep, and whether inside a string. Null when it is not in it.
 */
function scanRequestOptions(text: string, offset: number): ObjectScan | null {
  let i = 0;
  while (i < text.length && /\s/.test(text.charAt(i))) i++;
  if (text.charAt(i) !== '{') return null;
  let depth = 0;
  let string: ObjectScan['string'] = null;
  let template = false;
  const keys = new Set<string>();
  for (; i < text.length; i++) {
    const c = text.charAt(i);
    if (string || template) {
      if (c === '\\') i++;
      else if (string && c === string.quote) string = null;
      else if (template && c === '`') template = false;
      continue;
    }
    if (c === "'" || c === '"') string = { quote: c, start: offset + i + 1 };
    else if (c === '`') template = true;
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth <= 0) return null;
    } else if (depth === 1) {
      const key = /^([A-Za-z_$][\w$]*)\s*:/.exec(text.slice(i));
      if (key?.[1] && /[{,\s]/.test(text.charAt(i - 1))) {
        keys.add(key[1]);
        i += key[1].length - 1;
      }
    }
  }
  if (template) return null;
  return { depth, string, keys };
}

/**
 * What to offer at the end of `before` (the script up to the cursor): endpoint names inside
 * `http.request({ endpoint: '…' })`, methods inside `method: '…'`, the request's option keys,
 * input, output and constant labels inside `input['…']`, `output['…']`, `constants['…']`, and
 * library names inside `require('…')`.
 */
export function completeScript(before: string, names: ScriptNames): ScriptCompletion | null {
  const required = /(?:^|[^\w$.])require\s*\(\s*(['"])((?:[^'"\\\n]|\\.)*)$/.exec(before);
  if (required) {
    const [, quote, typed = ''] = required;
    const q = quote === '"' ? '"' : "'";
    return {
      from: before.length - typed.length,
      eager: true,
      options: names.libraries.map((name) => ({ label: name, apply: escapeForQuote(name, q), detail: 'shared library', type: 'variable' })),
    };
  }

  const indexed = /\b(input|output|constants)\s*\[\s*(['"])((?:[^'"\\\n]|\\.)*)$/.exec(before);
  if (indexed) {
    const [, object, quote, typed = ''] = indexed;
    const list = object === 'input' ? names.inputs : object === 'output' ? names.outputs : names.constants;
    const q = quote === '"' ? '"' : "'";
    return {
      from: before.length - typed.length,
      eager: true,
      options: list.map((label) => ({ label, apply: escapeForQuote(label, q), detail: object, type: 'property' })),
    };
  }

  const started = /(?:^|[^\w$.])flows\s*\.\s*start\s*\(\s*(['"])((?:[^'"\\\n]|\\.)*)$/.exec(before);
  if (started && names.flows) {
    const [, quote, typed = ''] = started;
    const q = quote === '"' ? '"' : "'";
    return {
      from: before.length - typed.length,
      eager: true,
      options: names.flows.map((name) => ({ label: name, apply: escapeForQuote(name, q), detail: 'flow', type: 'constant' })),
    };
  }

  const member = /(?:^|[^\w$.])([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)?$/.exec(before);
  const members = member?.[1] !== undefined ? names.members?.[member[1]] : undefined;
  if (member && members) {
    const typed = member[2] ?? '';
    return {
      from: before.length - typed.length,
      eager: true,
      word: true,
      options: members.map((m) => ({ label: m.name, apply: m.apply ?? m.name, detail: m.detail, type: 'property' })),
    };
  }

  const call = before.lastIndexOf('http.request(');
  if (call === -1) return null;
  const start = call + 'http.request('.length;
  const scan = scanRequestOptions(before.slice(start), start);
  if (scan === null || scan.depth !== 1) return null;

  if (scan.string) {
    const typed = before.slice(scan.string.start);
    if (typed.includes('\n')) return null;
    const key = /([A-Za-z_$][\w$]*)\s*:\s*$/.exec(before.slice(0, scan.string.start - 1))?.[1];
    const quote = scan.string.quote;
    if (key === 'endpoint') {
      return {
        from: scan.string.start,
        eager: true,
        options: [
          ...(names.stepEndpoint ? [{ label: names.stepEndpoint, apply: escapeForQuote(names.stepEndpoint, quote), detail: 'this step’s endpoint', type: 'constant' as const }] : []),
          ...names.endpoints.map((name) => ({ label: name, apply: escapeForQuote(name, quote), detail: 'endpoint', type: 'constant' as const })),
        ],
      };
    }
    if (key === 'method') {
      return { from: scan.string.start, eager: true, options: methods.map((m) => ({ label: m, type: 'keyword' })) };
    }
    return null;
  }

  const word = /([A-Za-z_$][\w$]*)?$/.exec(before)?.[1] ?? '';
  const preceding = before.slice(0, before.length - word.length).trimEnd().slice(-1);
  if (preceding !== '{' && preceding !== ',') return null;
  return {
    from: before.length - word.length,
    eager: false,
    options: httpRequestOptions
      .filter((option) => !scan.keys.has(option.label) || option.label === word)
      .map((option) => ({ label: option.label, apply: `${option.label}: `, detail: option.detail, type: 'property' })),
  };
}
