import { describe, expect, it } from 'vitest';
import { payloadReferences } from './payload-references';

describe('payloadReferences', () => {
  it('lists the fields of the test payload as trigger.body paths', () => {
    expect(payloadReferences('{"id": 7, "user": {"name": "Ann", "tags": ["a"]}}')).toEqual([
      'trigger.body.id',
      'trigger.body.user',
      'trigger.body.user.name',
      'trigger.body.user.tags',
      'trigger.body.user.tags.0',
    ]);
  });

  it('offers nothing for bad JSON or plain values, and skips keys a reference cannot spell', () => {
    expect(payloadReferences('{oops')).toEqual([]);
    expect(payloadReferences('"text"')).toEqual([]);
    expect(payloadReferences('{"a.b": 1, "{x}": 2, "ok": 3}')).toEqual(['trigger.body.ok']);
  });

  it('stops at the depth and count limits', () => {
    expect(payloadReferences('{"a":{"b":{"c":{"d":1}}}}', 'trigger.body', 2)).toEqual(['trigger.body.a', 'trigger.body.a.b']);
    expect(payloadReferences(JSON.stringify(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]))))).toHaveLength(40);
  });
});
