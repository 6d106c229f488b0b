import { z } from 'zod';
import type { Json } from '../../run/run-record';
import { httpTriggerPayloadSchema } from './http-trigger-config';

// The payload is Json by the runner's type already: checking the envelope is enough, walking the
// whole body again on every run is not (the recursive JSON schema is most of a run's parse cost).
export const requestEnvelopeSchema = httpTriggerPayloadSchema.extend({ body: z.custom<Json>(() => true) });

type JsonObject = { [key: string]: Json };

/**
 * A quick structural check (zod's safeParse costs several times more per run) of the request envelope the server's trigger route builds: a plain
 * object with `body`, string `headers` and `query` values that are strings or string lists.
 * It accepts only what the step's zod schema accepts, so callers may fall back to the schema
 * (for its issues) whenever it says no.
 */
export function isRequestEnvelope(payload: Json): payload is { body: Json; headers: Record<string, string>; query: Record<string, string | string[]> } {
  if (!isPlainObject(payload) || !('body' in payload)) return false;
  const { headers, query } = payload;
  if (!isPlainObject(headers) || !isPlainObject(query)) return false;
  for (const name in headers) if (typeof headers[name] !== 'string') return false;
  for (const name in query) {
    const value = query[name];
    if (typeof value === 'string') continue;
    if (!Array.isArray(value)) return false;
    for (const item of value) if (typeof item !== 'string') return false;
  }
  return true;
}

function isPlainObject(value: Json | undefined): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
