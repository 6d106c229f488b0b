import { describe, expect, it } from 'vitest';
import { testPayloadOutputs } from './payload-references';

describe('testPayloadOutputs', () => {
  it('stands for the trigger body; an empty payload is an empty body', () => {
    expect(testPayloadOutputs('{"id": 7, "user": {"tags": ["a"]}}')).toEqual({ body: { id: 7, user: { tags: ['a'] } } });
    expect(testPayloadOutputs('  ')).toEqual({ body: {} });
    expect(testPayloadOutputs('"text"')).toEqual({ body: 'text' });
  });

  it('offers nothing for bad JSON', () => {
    expect(testPayloadOutputs('{oops')).toBeNull();
  });
});
