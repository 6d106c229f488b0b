import type { Json } from '@flowyard/engine/schemas';
import type { PathSegment } from './reference-text';

/** One field of a step's recorded output: where it is (output name first) and its value. */
export interface DataField {
  /** The output name, then keys and array indexes. */
  path: PathSegment[];
  /** The last segment as shown: the key, or `[3]` for an array item. */
  label: string;
  value: Json;
}

/** Array items shown at first, and added by each "more". */
export const ARRAY_PAGE = 50;
/** Fields this deep (an output is depth 1) or deeper start collapsed. */
export const COLLAPSED_FROM_DEPTH = 3;

/** A key into sets of fields: paths are compared as their JSON. */
export function pathKey(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}

/** The top level of a step's outputs, in the order given (declared outputs first, then the rest). */
export function outputFields(outputs: Record<string, Json>, order: readonly string[] = []): DataField[] {
  const names = [...new Set([...order.filter((name) => Object.hasOwn(outputs, name)), ...Object.keys(outputs)])];
  return names.map((name) => ({ path: [name], label: name, value: outputs[name] ?? null }));
}

/** The fields directly inside `field` (none for text, numbers, booleans and null). */
export function childFields(field: Pick<DataField, 'path' | 'value'>): DataField[] {
  const { value, path } = field;
  if (Array.isArray(value)) return value.map((item, index) => ({ path: [...path, index], label: `[${index}]`, value: item }));
  if (isObject(value)) return Object.entries(value).map(([key, child]) => ({ path: [...path, key], label: key, value: child }));
  return [];
}

export function hasChildren(value: Json): boolean {
  return Array.isArray(value) ? value.length > 0 : isObject(value) && Object.keys(value).length > 0;
}

/** A short text for a value: `"Ann"`, `42`, `{3 fields}`, `[12 items]`, cut past `max` characters. */
export function valuePreview(value: Json, max = 60): string {
  if (Array.isArray(value)) return `[${value.length} ${value.length === 1 ? 'item' : 'items'}]`;
  if (isObject(value)) {
    const count = Object.keys(value).length;
    return `{${count} ${count === 1 ? 'field' : 'fields'}}`;
  }
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What a search keeps: the fields that match and their ancestors (by `pathKey`). */
export interface DataSearch {
  query: string;
  matches: ReadonlySet<string>;
  /** Ancestors of matches: shown, and open, so the matches can be seen. */
  ancestors: ReadonlySet<string>;
}

/**
 * Finds the fields whose key or (text, number, boolean, null) value contains `query`, ignoring
 * case. Array positions are not keys: searching "0" finds values, not every first item.
 */
export function searchFields(roots: readonly DataField[], query: string): DataSearch {
  const needle = query.trim().toLowerCase();
  const matches = new Set<string>();
  const ancestors = new Set<string>();
  if (needle === '') return { query: '', matches, ancestors };
  const stack: DataField[] = [...roots].reverse();
  while (stack.length > 0) {
    const field = stack.pop();
    if (field === undefined) break;
    const keyHit = typeof field.path.at(-1) === 'string' && field.label.toLowerCase().includes(needle);
    const valueHit = !Array.isArray(field.value) && !isObject(field.value) && String(field.value).toLowerCase().includes(needle);
    if (keyHit || valueHit) {
      matches.add(pathKey(field.path));
      for (let i = 1; i < field.path.length; i++) ancestors.add(pathKey(field.path.slice(0, i)));
    }
    const children = childFields(field);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { query: needle, matches, ancestors };
}

/**
 * How a field shows under a search: `hidden` when neither it, an ancestor nor a descendant matches;
 * below a match everything shows (the fields of a matching object are what one looks for).
 */
export function searchState(search: DataSearch | null, path: readonly PathSegment[]): 'all' | 'match' | 'ancestor' | 'hidden' {
  if (search === null || search.query === '') return 'all';
  const key = pathKey(path);
  if (search.matches.has(key)) return 'match';
  if (search.ancestors.has(key)) return 'ancestor';
  for (let i = path.length - 1; i >= 1; i--) if (search.matches.has(pathKey(path.slice(0, i)))) return 'all';
  return 'hidden';
}

/** `text` cut around the first case-insensitive occurrence of `query`, for highlighting. */
export function highlightParts(text: string, query: string): { before: string; match: string; after: string } | null {
  if (query === '') return null;
  const at = text.toLowerCase().indexOf(query.toLowerCase());
  if (at === -1) return null;
  return { before: text.slice(0, at), match: text.slice(at, at + query.length), after: text.slice(at + query.length) };
}

function isObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
