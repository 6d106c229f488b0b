import { describe, expect, it } from 'vitest';
import { connectStateTtlMs, createConnectStates } from './connect-states';

describe('Connect states', () => {
  it('are random, single-use and expire', () => {
    let at = 1_000_000;
    const states = createConnectStates(() => new Date(at));
    const entry = { endpointId: 'ep', userId: 'u', type: 'msgraph' as const, codeVerifier: 'v', baseOrigin: 'https://graph.microsoft.com' };
    const a = states.create(entry);
    const b = states.create(entry);
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(43);
    expect(states.take(a)).toMatchObject(entry);
    expect(states.take(a)).toBeUndefined();

    at += connectStateTtlMs;
    expect(states.take(b)).toBeUndefined();
    expect(states.take('made-up')).toBeUndefined();
  });
});
