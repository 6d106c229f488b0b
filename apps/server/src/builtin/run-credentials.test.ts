import { describe, expect, it } from 'vitest';
import { createRunCredentials } from './run-credentials';

describe('run credentials', () => {
  it('speak for their user and run until the run is revoked or they expire', () => {
    let now = Date.parse('2024-01-01T00:00:00Z');
    const credentials = createRunCredentials({ now: () => new Date(now), maxAgeMs: 1_000 });
    const a = credentials.mint({ userId: 'u1', runId: 'r1' });
    const b = credentials.mint({ userId: 'u2', runId: 'r2' });
    expect(a).toMatch(/^fyr_[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(credentials.verify(a)).toEqual({ userId: 'u1', runId: 'r1' });
    expect(credentials.verify(`${a}x`)).toBeUndefined();
    expect(credentials.verify('fy_looks-like-a-key')).toBeUndefined();

    credentials.revokeRun('r1');
    expect(credentials.verify(a)).toBeUndefined();
    expect(credentials.verify(b)).toEqual({ userId: 'u2', runId: 'r2' });

    now += 1_000;
    expect(credentials.verify(b)).toBeUndefined();
  });
});
