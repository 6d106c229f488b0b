import type { Json } from '@flowyard/engine/schemas';
import { parseTestPayload } from '../test-payload';

/**
 * What a Manual Trigger's remembered test payload stands for until the flow has run: the
 * trigger's `body` output, so a person can pick a field of it instead of typing its path.
 * Null when the payload is not valid JSON.
 */
export function testPayloadOutputs(testPayload: string): Record<string, Json> | null {
  const parsed = parseTestPayload(testPayload);
  return parsed.ok ? { body: parsed.payload } : null;
}
