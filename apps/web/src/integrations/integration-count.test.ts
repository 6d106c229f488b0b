import { describe, expect, it } from 'vitest';
import { integrationCountText } from './integration-count';

const of = (kind: 'inbound' | 'outbound') => ({ integration: { kind } });

describe('integrationCountText', () => {
  it('says when there are none, else counts each kind', () => {
    expect(integrationCountText([])).toBe('No integrations yet');
    expect(integrationCountText([of('inbound'), of('outbound'), of('outbound')])).toBe('1 inbound, 2 outbound');
  });
});
