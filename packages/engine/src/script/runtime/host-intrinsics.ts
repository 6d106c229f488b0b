// The host side of the runtime prelude's `intrinsic(op, argsJson)`: URL parsing, form encoding,
// text decoding and Intl, answered by the worker's own (WHATWG/ICU) implementations. Only JSON
// text crosses, arguments are parsed with zod and bounded, and nothing here reaches the network,
// the file system or any state other than a small cache of Intl objects.
import { z } from 'zod';

/** Largest argument JSON the sandbox may hand over in one call (a decoded body, a long string to compare). */
export const MAX_INTRINSIC_ARGUMENT_CHARS = 8 * 1024 * 1024;
const MAX_LOCALES = 16;
const MAX_LOCALE_CHARS = 128;
const CACHE_SIZE = 64;

const locales = z.union([z.string().max(MAX_LOCALE_CHARS), z.array(z.string().max(MAX_LOCALE_CHARS)).max(MAX_LOCALES)]).optional();
const options = z.record(z.string(), z.union([z.string().max(256), z.number(), z.boolean()])).refine((value) => Object.keys(value).length <= 32);
const intlKind = z.enum(['collator', 'number', 'dateTime']);
const intlSpec = { kind: intlKind, locales, options };
const formatKind = z.enum(['number', 'dateTime']);

/** What the sandbox gets back: a value, or an error it rethrows as the same error type. */
export type IntrinsicReply = { value: unknown } | { error: { name: string; message: string } };

interface UrlParts {
  href: string;
  origin: string;
  protocol: string;
  username: string;
  password: string;
  host: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
  hash: string;
}

function urlParts(url: URL): UrlParts {
  const { href, origin, protocol, username, password, host, hostname, port, pathname, search, hash } = url;
  return { href, origin, protocol, username, password, host, hostname, port, pathname, search, hash };
}

type IntlObject = Intl.Collator | Intl.NumberFormat | Intl.DateTimeFormat;
const cache = new Map<string, IntlObject>();

function intlObject(kind: z.infer<typeof intlKind>, localeList: z.infer<typeof locales>, settings: z.infer<typeof options>): IntlObject {
  const key = JSON.stringify([kind, localeList, settings]);
  const cached = cache.get(key);
  if (cached) return cached;
  const created = kind === 'collator' ? new Intl.Collator(localeList, settings)
    : kind === 'number' ? new Intl.NumberFormat(localeList, settings)
    : new Intl.DateTimeFormat(localeList, settings);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, created);
  return created;
}

/** Each call: its arguments parsed (and bounded) by zod, then answered. */
const intrinsics: Record<string, (raw: unknown) => unknown> = {
  'url.parse': intrinsic(z.object({ url: z.string(), base: z.string().optional() }), ({ url, base }) => urlParts(new URL(url, base))),
  'url.set': intrinsic(z.object({
    href: z.string(),
    key: z.enum(['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash']),
    value: z.string(),
  }), ({ href, key, value }) => {
    const url = new URL(href);
    url[key] = value;
    return urlParts(url);
  }),
  'params.parse': intrinsic(z.object({ text: z.string() }), ({ text }) => [...new URLSearchParams(text)]),
  'params.serialize': intrinsic(z.object({ pairs: z.array(z.tuple([z.string(), z.string()])) }), ({ pairs }) => new URLSearchParams(pairs).toString()),
  'text.encoding': intrinsic(z.object({ label: z.string().max(64), fatal: z.boolean(), ignoreBOM: z.boolean() }), ({ label, fatal, ignoreBOM }) => new TextDecoder(label, { fatal, ignoreBOM }).encoding),
  'text.decode': intrinsic(z.object({ label: z.string().max(64), fatal: z.boolean(), ignoreBOM: z.boolean(), latin1: z.string() }), ({ label, fatal, ignoreBOM, latin1 }) => new TextDecoder(label, { fatal, ignoreBOM }).decode(Buffer.from(latin1, 'latin1'))),
  'intl.resolve': intrinsic(z.object(intlSpec), ({ kind, locales: list, options: settings }) => intlObject(kind, list, settings).resolvedOptions()),
  'intl.supported': intrinsic(z.object({ kind: intlKind, locales }), ({ kind, locales: list }) =>
    kind === 'collator' ? Intl.Collator.supportedLocalesOf(list ?? []) : kind === 'number' ? Intl.NumberFormat.supportedLocalesOf(list ?? []) : Intl.DateTimeFormat.supportedLocalesOf(list ?? [])),
  'intl.canonical': intrinsic(z.object({ locales }), ({ locales: list }) => Intl.getCanonicalLocales(list)),
  'intl.compare': intrinsic(z.object({ ...intlSpec, a: z.string(), b: z.string() }), ({ locales: list, options: settings, a, b }) => {
    const collator = intlObject('collator', list, settings);
    return collator instanceof Intl.Collator ? collator.compare(a, b) : 0;
  }),
  'intl.format': intrinsic(z.object({ kind: formatKind, locales, options, how: z.enum(['format', 'formatToParts']), number: z.string().optional(), time: z.number().optional() }), (args) => {
    const formatter = intlObject(args.kind, args.locales, args.options);
    if (formatter instanceof Intl.NumberFormat) {
      const number = Number(args.number);
      return args.how === 'format' ? formatter.format(number) : formatter.formatToParts(number);
    }
    if (formatter instanceof Intl.DateTimeFormat) {
      const date = new Date(args.time ?? Number.NaN);
      return args.how === 'format' ? formatter.format(date) : formatter.formatToParts(date);
    }
    return '';
  }),
  'intl.dateToLocale': intrinsic(z.object({ locales, options, defaults: z.enum(['any', 'date', 'time']), time: z.number() }), ({ locales: list, options: settings, defaults, time }) => {
    const date = new Date(time);
    if (defaults === 'date') return date.toLocaleDateString(list, settings);
    if (defaults === 'time') return date.toLocaleTimeString(list, settings);
    return date.toLocaleString(list, settings);
  }),
};

function intrinsic<T>(schema: z.ZodType<T>, answer: (args: T) => unknown): (raw: unknown) => unknown {
  return (raw) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new TypeError('The arguments are malformed or too large');
    return answer(parsed.data);
  };
}

/** Answers one intrinsic call from the sandbox; never throws (errors are part of the reply). */
export function callIntrinsic(op: string, argumentJson: string): string {
  let reply: IntrinsicReply;
  try {
    if (argumentJson.length > MAX_INTRINSIC_ARGUMENT_CHARS) throw new RangeError(`The value is too large for ${op} (at most ${MAX_INTRINSIC_ARGUMENT_CHARS} characters)`);
    const answer = Object.prototype.hasOwnProperty.call(intrinsics, op) ? intrinsics[op] : undefined;
    if (answer === undefined) throw new TypeError(`Unknown runtime call ${op}`);
    reply = { value: answer(JSON.parse(argumentJson)) };
  } catch (error) {
    reply = { error: describeError(error) };
  }
  return JSON.stringify(reply);
}

function describeError(error: unknown): { name: string; message: string } {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  // Node's URL errors are TypeErrors carrying ERR_INVALID_URL; the sandbox sees V8's wording.
  const code: unknown = Reflect.get(error, 'code');
  if (code === 'ERR_INVALID_URL') return { name: 'TypeError', message: 'Invalid URL' };
  if (code === 'ERR_ENCODING_NOT_SUPPORTED') return { name: 'RangeError', message: error.message };
  if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return { name: 'TypeError', message: 'The encoded data was not valid for encoding utf-8' };
  return { name: error.name, message: error.message };
}
