import { FlowyardError, jsonDepthLimitText, jsonTextTooDeep, MAX_JSON_DEPTH, type Json } from '@flowyard/engine';
import { TextDecoder } from 'node:util';

/** A body in a type the trigger cannot read: answered 415. */
export class UnsupportedBodyError extends FlowyardError {
  constructor(contentType: string) {
    super('VALIDATION_FAILED', `Content-Type ${contentType} is not supported; send application/json, text/*, or application/x-www-form-urlencoded`, {
      details: { contentType },
    });
  }
}

const jsonType = /^application\/(?:[\w.+-]+\+)?json$/;
const textType = /^(?:text\/[\w.+-]+|application\/(?:[\w.+-]+\+)?xml)$/;
const formType = 'application/x-www-form-urlencoded';

/**
 * A trigger request's body as the flow sees it: JSON parsed, text as text, form fields as an
 * object without a prototype (a repeated field as a list; `__proto__` is a field like any other),
 * null when there is none. UnsupportedBodyError (415) for other types or charsets; VALIDATION_FAILED
 * (400) for JSON that does not parse or nests deeper than MAX_JSON_DEPTH, or bytes that are not
 * valid in their charset.
 */
export function parseTriggerBody(raw: Buffer, contentTypeHeader: string | undefined): Json {
  const [mediaType = '', ...params] = (contentTypeHeader ?? '').split(';').map((part) => part.trim());
  const type = mediaType.toLowerCase();
  if (type === '') {
    if (raw.length === 0) return null;
    throw new UnsupportedBodyError('(none)');
  }
  const isJson = jsonType.test(type);
  if (!isJson && !textType.test(type) && type !== formType) throw new UnsupportedBodyError(mediaType);
  const text = decode(raw, charsetOf(params), mediaType);
  if (type === formType) return formFields(text);
  if (!isJson) return text;
  if (text.trim() === '') return null;
  // Before parsing: nothing downstream (records, references, answers) has to walk a deep value.
  if (jsonTextTooDeep(text)) throw new FlowyardError('VALIDATION_FAILED', `The request body nests deeper than ${MAX_JSON_DEPTH} levels; ${jsonDepthLimitText}`);
  try {
    const value: Json = JSON.parse(text);
    return value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'it is not JSON';
    throw new FlowyardError('VALIDATION_FAILED', `The request body is not valid JSON: ${reason}`);
  }
}

function charsetOf(params: string[]): string {
  for (const param of params) {
    const [name, value] = param.split('=');
    if (name?.trim().toLowerCase() === 'charset' && value !== undefined) return value.trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return 'utf-8';
}

function decode(raw: Buffer, charset: string, mediaType: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new UnsupportedBodyError(`${mediaType}; charset=${charset}`);
  }
  try {
    return decoder.decode(raw);
  } catch {
    throw new FlowyardError('VALIDATION_FAILED', `The request body is not valid ${charset} text`);
  }
}

function formFields(text: string): Json {
  const fields: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(text)) {
    const seen = fields[name];
    fields[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return fields;
}
