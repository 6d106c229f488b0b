import { describe, expect, it } from 'vitest';
import { pinnableStep } from './pinnable-step';
import { tryOutcome } from './StepTries';

describe('tries and pins in Activity', () => {
  it('says how each try ended', () => {
    const base = { try: 1, startedAt: '', durationMs: 5, waitMs: 750 };
    expect(tryOutcome({ ...base, error: null, status: 503 })).toBe('HTTP 503');
    expect(tryOutcome({ ...base, error: { code: 'HTTP_CONNECT_FAILED', message: 'refused', details: {} }, status: null })).toBe('HTTP_CONNECT_FAILED: refused');
    expect(tryOutcome({ ...base, error: null, status: null })).toBe('succeeded');
  });

  it('offers pinning only for succeeded steps that do work', () => {
    expect(pinnableStep('http-request', { status: 'succeeded', outputs: { status: 200 } })).toBe(true);
    expect(pinnableStep('http-request', { status: 'failed', outputs: null })).toBe(false);
    expect(pinnableStep('switch', { status: 'succeeded', outputs: {} })).toBe(false);
    expect(pinnableStep('manual-trigger', { status: 'succeeded', outputs: {} })).toBe(false);
  });
});
