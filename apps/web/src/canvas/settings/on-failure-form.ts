import { onFailureSchema, type OnFailure } from '@flowyard/engine/schemas';

/** The "On failure" fields as typed (numbers as text, so a half-typed value is not lost). */
export interface OnFailureFields {
  mode: OnFailure['mode'];
  maxTries: string;
  delayMs: string;
}

export function fieldsOf(onFailure: OnFailure | undefined): OnFailureFields {
  if (onFailure?.mode === 'retry') return { mode: 'retry', maxTries: String(onFailure.maxTries), delayMs: String(onFailure.delayMs) };
  return { mode: onFailure?.mode ?? 'stop', maxTries: '3', delayMs: '1000' };
}

/** The policy the fields describe, or the problem to show beside the field it concerns. */
export function parseOnFailure(fields: OnFailureFields): { ok: true; onFailure: OnFailure } | { ok: false; field: 'maxTries' | 'delayMs'; message: string } {
  const value = fields.mode === 'retry' ? { mode: 'retry', maxTries: wholeNumber(fields.maxTries), delayMs: wholeNumber(fields.delayMs) } : { mode: fields.mode };
  const parsed = onFailureSchema.safeParse(value);
  if (parsed.success) return { ok: true, onFailure: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path[0] === 'delayMs' ? 'delayMs' : 'maxTries';
  const message = issue?.code === 'invalid_type' ? (field === 'delayMs' ? 'The first wait is required (milliseconds)' : 'Tries is required') : (issue?.message ?? 'Not valid');
  return { ok: false, field, message };
}

// An empty field reaches the schema as NaN (not as missing, which would take the default), so it says what is wanted.
function wholeNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
