import { parseTestPayload } from '../test-payload';

/**
 * References into the trigger's last test payload (`trigger.body.user.id`…), so a person can
 * pick a field of the body instead of typing its path. Objects are walked a few levels deep;
 * arrays offer their first item. Keys that references cannot spell (dots, braces) are skipped.
 */
export function payloadReferences(testPayload: string, prefix = 'trigger.body', maxDepth = 3, limit = 40): string[] {
  const parsed = parseTestPayload(testPayload);
  if (!parsed.ok) return [];
  const found: string[] = [];
  const walk = (value: unknown, path: string, depth: number) => {
    if (found.length >= limit || depth > maxDepth) return;
    if (Array.isArray(value)) {
      if (value.length > 0) {
        found.push(`${path}.0`);
        walk(value[0], `${path}.0`, depth + 1);
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (found.length >= limit) return;
      if (key === '' || /[.{}]/.test(key)) continue;
      found.push(`${path}.${key}`);
      walk(child, `${path}.${key}`, depth + 1);
    }
  };
  walk(parsed.payload, prefix, 1);
  return found;
}
