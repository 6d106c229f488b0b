import { FlowyardError } from '../errors/flowyard-error';
import { checkJsonValue, isJsonProblem, jsonDepthLimitText, MAX_JSON_DEPTH } from '../json/json-limits';
import type { Json } from '../run/run-record';

/** A step's outputs may take at most this much once serialised (SPEC §7: OUTPUT_TOO_LARGE). */
export const MAX_STEP_OUTPUT_BYTES = 1024 * 1024;

/**
 * Fails with OUTPUT_TOO_LARGE when an output nests deeper than MAX_JSON_DEPTH or the outputs
 * serialise to more than 1 MiB. One iterative walk bounds the size; only outputs that might be over
 * (their text could be up to 6 bytes a character) are serialised to measure them exactly.
 */
export function checkStepOutputs(outputs: Record<string, Json>): void {
  let maxBytes = 2;
  for (const name of Object.keys(outputs)) {
    const check = checkJsonValue(outputs[name]);
    if (isJsonProblem(check)) {
      if (check.kind === 'too-deep') {
        throw new FlowyardError('OUTPUT_TOO_LARGE', `Output "${name}" nests deeper than ${MAX_JSON_DEPTH} levels; step outputs are JSON, and ${jsonDepthLimitText}`, {
          details: { output: name, maxDepth: MAX_JSON_DEPTH },
        });
      }
      // Steps hand over Json by type; anything else is a bug of the step, reported as one.
      throw new Error(`Output "${name}" is not JSON at ${check.path.join('.')}: ${check.message}`);
    }
    maxBytes += check.maxBytes + 3 + 6 * name.length;
  }
  if (maxBytes <= MAX_STEP_OUTPUT_BYTES) return;
  const bytes = Buffer.byteLength(JSON.stringify(outputs));
  if (bytes > MAX_STEP_OUTPUT_BYTES) {
    throw new FlowyardError('OUTPUT_TOO_LARGE', `The step's outputs take ${bytes} bytes once serialised; a step may store at most 1 MiB (${MAX_STEP_OUTPUT_BYTES} bytes)`, {
      details: { bytes, maxBytes: MAX_STEP_OUTPUT_BYTES },
    });
  }
}
