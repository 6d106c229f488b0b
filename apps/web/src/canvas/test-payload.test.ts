import { describe, expect, it } from 'vitest';
import { parseTestPayload } from './test-payload';

describe('parseTestPayload', () => {
  it('accepts any JSON value and treats blank as {}', () => {
    expect(parseTestPayload('{"id": 7, "tags": ["a"]}')).toEqual({ ok: true, payload: { id: 7, tags: ['a'] } });
    expect(parseTestPayload('42')).toEqual({ ok: true, payload: 42 });
    expect(parseTestPayload('  ')).toEqual({ ok: true, payload: {} });
  });

  it('explains what is wrong with bad JSON', () => {
    const result = parseTestPayload('{"id": ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^Test payload is not valid JSON/);
  });
});
