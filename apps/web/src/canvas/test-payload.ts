import { jsonSchema, type Json } from '@flowyard/engine/schemas';

/** Parses the Run dialog's payload text: JSON, or the reason it is not. */
export function parseTestPayload(text: string): { ok: true; payload: Json } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, payload: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Test payload is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = jsonSchema.safeParse(raw);
  return parsed.success ? { ok: true, payload: parsed.data } : { ok: false, error: 'Test payload is not valid JSON' };
}
