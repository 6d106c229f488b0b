import { describe, expect, it } from 'vitest';
import { run as runSummary } from './activity-test-kit';
import { looksLikeRunId, readRunFilters, runMatches, writeRunFilters } from './run-filters';

describe('run filters in the URL', () => {
  it('read back what they wrote, keeping other parameters', () => {
    const search = writeRunFilters('step=n1&status=running', { status: 'failed', trigger: 'http', userId: 'u1', from: '2024-05-01T00:00:00.000Z' });
    expect(new URLSearchParams(search).get('step')).toBe('n1');
    expect(readRunFilters(search)).toEqual({ status: 'failed', trigger: 'http', userId: 'u1', from: '2024-05-01T00:00:00.000Z' });
    expect(readRunFilters(writeRunFilters(search, {}))).toEqual({});
  });

  it('leave out values that do not parse', () => {
    expect(readRunFilters('status=lost&trigger=cron&from=yesterday&to=2024-05-01T10:00:00%2B02:00&flow=%20')).toEqual({ to: '2024-05-01T08:00:00.000Z' });
  });
});

describe('runMatches', () => {
  it('tells whether a run heard live belongs in the filtered list', () => {
    const run = runSummary('r1', '2024-05-01T10:00:00.000Z', 'failed');
    expect(runMatches(run, {})).toBe(true);
    expect(runMatches(run, { status: 'failed', trigger: 'manual', from: '2024-05-01T10:00:00.000Z' })).toBe(true);
    expect(runMatches(run, { status: 'succeeded' })).toBe(false);
    expect(runMatches(run, { to: '2024-05-01T10:00:00.000Z' })).toBe(false);
    expect(runMatches(run, { userId: 'someone else' })).toBe(false);
  });
});

it('looksLikeRunId knows a run id from search words', () => {
  expect(looksLikeRunId(' 0190f6d2-9a1b-7c3d-8e4f-0123456789ab ')).toBe(true);
  expect(looksLikeRunId('failed')).toBe(false);
});
