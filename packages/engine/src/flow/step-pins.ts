import { z } from 'zod';
import { checkJsonValue, isJsonProblem } from '../json/json-limits';
import type { Json } from '../run/run-record';

/** A flow holds at most this many pinned outputs. */
export const MAX_PINS = 200;
/** A pinned output nests at most this deep: outputs typed by hand stay readable. */
export const MAX_PIN_DEPTH = 32;
/** A pinned output takes at most this much once serialised (UTF-8). */
export const MAX_PIN_BYTES = 256 * 1024;

// TextEncoder exists in browsers and Node alike, so the check is the same on both sides.
const encoder = new TextEncoder();

/**
 * A step's outputs pinned for manual runs: those runs take them instead of running the step.
 * Checked by one iterative walk (depth) before being serialised once (size).
 */
export const pinnedOutputsSchema = z.custom<Record<string, Json>>().superRefine((value, ctx) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'A pinned output is a JSON object: output name → value' });
    return;
  }
  const check = checkJsonValue(value, MAX_PIN_DEPTH);
  if (isJsonProblem(check)) {
    const message = check.kind === 'too-deep' ? `A pinned output may nest at most ${MAX_PIN_DEPTH} levels` : check.message;
    ctx.addIssue({ code: 'custom', path: check.path, message });
    return;
  }
  // Only a value that might be over the bound is serialised to measure it.
  if (check.maxBytes > MAX_PIN_BYTES && encoder.encode(JSON.stringify(value)).length > MAX_PIN_BYTES) {
    ctx.addIssue({ code: 'custom', message: `A pinned output may take at most ${MAX_PIN_BYTES / 1024} KiB` });
  }
});

export const stepPinSchema = z.object({
  outputs: pinnedOutputsSchema,
  /** The run it was pinned from; null when typed by hand. */
  runId: z.string().max(100).nullable().default(null),
  pinnedAt: z.string().max(40),
});
export type StepPin = z.infer<typeof stepPinSchema>;

/**
 * Pinned outputs by node id, saved with the flow (and so in its undo history and its export: they
 * hold outputs as Activity showed them, already redacted, or JSON typed by hand; never credentials).
 */
export const stepPinsSchema = z
  .record(z.string().min(1).max(100), stepPinSchema)
  .refine((pins) => Object.keys(pins).length <= MAX_PINS, { message: `A flow holds at most ${MAX_PINS} pinned outputs` });
export type StepPins = z.infer<typeof stepPinsSchema>;

/** Parses JSON text typed into the "Pinned output" box: the outputs, or the problem to show beside it. */
export function parsePinnedOutputsText(text: string): { ok: true; outputs: Record<string, Json> } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = pinnedOutputsSchema.safeParse(value);
  if (parsed.success) return { ok: true, outputs: parsed.data };
  const issue = parsed.error.issues[0];
  const at = issue === undefined || issue.path.length === 0 ? '' : ` (at ${issue.path.join('.')})`;
  return { ok: false, message: `${issue?.message ?? 'Not a valid pinned output'}${at}` };
}

/** Where a tested step's upstream outputs came from ("Test step"): its pin, the flow's last run, or nowhere. */
export type UpstreamSource = 'pin' | 'run' | 'none';
