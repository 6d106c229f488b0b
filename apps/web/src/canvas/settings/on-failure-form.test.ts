import { describe, expect, it } from 'vitest';
import { fieldsOf, parseOnFailure } from './on-failure-form';
import { upstreamSummary } from './upstream-summary';

describe('On failure fields', () => {
  it('round-trips each policy', () => {
    expect(parseOnFailure(fieldsOf(undefined))).toEqual({ ok: true, onFailure: { mode: 'stop' } });
    expect(parseOnFailure(fieldsOf({ mode: 'continue' }))).toEqual({ ok: true, onFailure: { mode: 'continue' } });
    expect(parseOnFailure(fieldsOf({ mode: 'retry', maxTries: 4, delayMs: 200 }))).toEqual({ ok: true, onFailure: { mode: 'retry', maxTries: 4, delayMs: 200 } });
  });

  it('names the field that is wrong', () => {
    expect(parseOnFailure({ mode: 'retry', maxTries: '11', delayMs: '1000' })).toEqual({ ok: false, field: 'maxTries', message: 'Tries must be at most 10' });
    expect(parseOnFailure({ mode: 'retry', maxTries: '', delayMs: '1000' })).toEqual({ ok: false, field: 'maxTries', message: 'Tries is required' });
    expect(parseOnFailure({ mode: 'retry', maxTries: '3', delayMs: '50' })).toMatchObject({ ok: false, field: 'delayMs' });
  });
});

describe('upstreamSummary', () => {
  it('says where each upstream step’s data came from', () => {
    expect(upstreamSummary({})).toBe('');
    expect(upstreamSummary({ Start: 'run', Create: 'pin', Other: 'none' })).toBe(' · data: Start (last run), Create (pinned), Other (no data)');
  });
});
