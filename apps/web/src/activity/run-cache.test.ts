import { describe, expect, it } from 'vitest';
import type { RunSummary } from '@flowyard/engine/schemas';
import { defaultStep, upsertRun, upsertRunPages, upsertStep } from './run-cache';
import { runCountLabel } from './run-count-label';
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

describe('upsertRunPages', () => {
  const pages = (...lists: RunSummary[][]) => ({ pages: lists.map((items) => ({ items, nextCursor: null })), pageParams: lists.map(() => null) });
  it('adds a new run that belongs to the first page, replaces one it holds, and takes out one that stopped matching', () => {
    const older = run('r1', '2024-01-01T00:00:01.000Z', 'succeeded');
    const oldest = run('r0', '2024-01-01T00:00:00.000Z', 'failed');
    const data = pages([older], [oldest]);
    const fresh = run('r2', '2024-01-01T00:00:02.000Z');
    expect(upsertRunPages(data, fresh, true).pages.map((page) => page.items.map((r) => r.id))).toEqual([['r2', 'r1'], ['r0']]);
    expect(upsertRunPages(data, { ...oldest, status: 'interrupted' }, true).pages[1]?.items[0]?.status).toBe('interrupted');
    expect(upsertRunPages(data, oldest, false).pages.map((page) => page.items.length)).toEqual([1, 0]);
    expect(upsertRunPages(data, fresh, false)).toBe(data);
  });
});

it('runCountLabel counts every run of the list', () => {
  expect(runCountLabel(undefined, false)).toBe('');
  expect(runCountLabel(0, false)).toBe('No runs yet');
  expect(runCountLabel(0, true)).toBe('No matching runs');
  expect(runCountLabel(1, false)).toBe('1 run');
  expect(runCountLabel(1234, true)).toBe('1,234 matching runs');
});
