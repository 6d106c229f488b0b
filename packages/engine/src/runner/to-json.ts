import type { Json } from '../run/run-record';

/** Error details as JSON for run records: dates as ISO strings, errors as messages, the rest dropped or stringified. */
export function toJson(value: unknown, depth = 0): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return value.message;
  if (depth >= 8) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((item) => toJson(item ?? null, depth + 1));
  if (typeof value === 'object') return toJsonRecord(value, depth);
  return value === undefined ? null : String(value);
}

/** `toJson` for an object, keeping only its own enumerable, defined entries. */
export function toJsonRecord(value: object, depth = 0): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined && typeof item !== 'function') out[key] = toJson(item, depth + 1);
  }
  return out;
}
