import { describe, expect, it } from 'vitest';
import type { Json } from '../../run/run-record';
import { isRequestEnvelope, requestEnvelopeSchema } from './envelope';

const cases: Json[] = [
  { body: { kind: 'order' }, headers: { 'x-source': 'shop' }, query: { tag: ['a', 'b'], one: 'x' } },
  { body: null, headers: {}, query: {} },
  { body: 'text', headers: {}, query: {}, extra: 1 },
  { headers: {}, query: {} },
  { body: 1, headers: [], query: {} },
  { body: 1, headers: {}, query: [] },
  { body: 1, headers: { a: 1 }, query: {} },
  { body: 1, headers: {}, query: { a: ['x', 1] } },
  { body: 1, headers: {}, query: { a: null } },
  { body: 1, headers: null, query: {} },
  { body: 1, query: {} },
  { kind: 'order' },
  [],
  null,
  'body',
];

describe('isRequestEnvelope', () => {
  it('agrees with the schema on envelopes and on everything else', () => {
    for (const payload of cases) expect([payload, isRequestEnvelope(payload)]).toEqual([payload, requestEnvelopeSchema.safeParse(payload).success]);
  });
});
