import type { RunEvent, RunSummary } from '@flowyard/engine';
import { describe, expect, it } from 'vitest';
import { createRunEventBus } from './run-event-bus';

const run = (id: string, flowId: string): RunEvent => {
  const summary: RunSummary = {
    id, flowId, flowVersion: 1, status: 'running', trigger: { type: 'manual', nodeId: 't' }, userId: 'u', actedAs: { id: 'u', name: 'Ann', email: 'ann@example.com' },
    startedAt: '2024-01-01T00:00:00.000Z', finishedAt: null, durationMs: null, error: null, attempt: 1, rerunOf: null,
  };
  return { type: 'run', run: summary };
};

describe('run event bus', () => {
  it('delivers a flow’s events only to that flow’s subscribers, in order', async () => {
    const bus = createRunEventBus();
    const controller = new AbortController();
    const a = bus.subscribe('flow-a', controller.signal)[Symbol.asyncIterator]();
    bus.publish('flow-b', run('b1', 'flow-b'));
    bus.publish('flow-a', run('a1', 'flow-a'));
    bus.publish('flow-a', run('a2', 'flow-a'));
    const first = await a.next();
    const second = await a.next();
    expect([first.value, second.value].map((e) => (e && e.type === 'run' ? e.run.id : null))).toEqual(['a1', 'a2']);
    controller.abort();
    expect((await a.next()).done).toBe(true);
    expect(bus.subscriberCount('flow-a')).toBe(0);
  });

  it('ends a waiting subscriber when its signal aborts', async () => {
    const bus = createRunEventBus();
    const controller = new AbortController();
    const it = bus.subscribe('f', controller.signal)[Symbol.asyncIterator]();
    const pending = it.next();
    expect(bus.subscriberCount('f')).toBe(1);
    controller.abort();
    expect((await pending).done).toBe(true);
    expect(bus.subscriberCount('f')).toBe(0);
  });
});
