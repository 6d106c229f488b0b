import { describe, expect, it } from 'vitest';
import { defaultStep, upsertRun, upsertStep } from './run-cache';
import { run, step } from './activity-test-kit';

describe('upsertRun', () => {
  it('adds a new run at the top and replaces a known one in place', () => {
    const page = { items: [run('a', '2030-01-01T10:00:00Z')], nextCursor: null };
    const added = upsertRun(page, run('b', '2030-01-01T11:00:00Z'));
    expect(added.items.map((r) => r.id)).toEqual(['b', 'a']);
    const updated = upsertRun(added, run('a', '2030-01-01T10:00:00Z', 'succeeded'));
    expect(updated.items.map((r) => [r.id, r.status])).toEqual([
      ['b', 'running'],
      ['a', 'succeeded'],
    ]);
    expect(page.items).toHaveLength(1);
  });

  it('keeps newest first even when an older run is reported late', () => {
    const page = { items: [run('b', '2030-01-01T11:00:00Z')], nextCursor: 'x' };
    expect(upsertRun(page, run('a', '2030-01-01T10:00:00Z')).items.map((r) => r.id)).toEqual(['b', 'a']);
    expect(upsertRun(page, run('a', '2030-01-01T10:00:00Z')).nextCursor).toBe('x');
  });
});

describe('upsertStep', () => {
  it('replaces by id and appends new steps in start order', () => {
    const detail = { run: run('r1', '2030-01-01T10:00:00Z'), steps: [step('s1', '2030-01-01T10:00:01Z')] };
    const next = upsertStep(detail, step('s2', '2030-01-01T10:00:02Z'));
    const done = upsertStep(next, step('s1', '2030-01-01T10:00:01Z', 'succeeded'));
    expect(done.steps.map((s) => [s.id, s.status])).toEqual([
      ['s1', 'succeeded'],
      ['s2', 'running'],
    ]);
  });

  it('ignores steps of another run', () => {
    const detail = { run: run('r1', '2030-01-01T10:00:00Z'), steps: [] };
    expect(upsertStep(detail, step('s1', '2030-01-01T10:00:01Z', 'running', 'r2'))).toBe(detail);
  });
});

describe('defaultStep', () => {
  it('prefers the failed step, else the latest', () => {
    const steps = [step('a', '1', 'succeeded'), step('b', '2', 'failed'), step('c', '3', 'skipped')];
    expect(defaultStep(steps)?.id).toBe('b');
    expect(defaultStep(steps.filter((s) => s.status !== 'failed'))?.id).toBe('c');
    expect(defaultStep([])).toBeUndefined();
  });
});
