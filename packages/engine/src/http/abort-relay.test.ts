import { describe, expect, it } from 'vitest';
import { onAbort } from './abort-relay';

describe('onAbort', () => {
  it('calls every listener still listening once when the signal aborts', () => {
    const controller = new AbortController();
    const calls: string[] = [];
    onAbort(controller.signal, () => calls.push('a'));
    const stopB = onAbort(controller.signal, () => calls.push('b'));
    onAbort(controller.signal, () => calls.push('c'));
    stopB();
    controller.abort();
    controller.abort();
    expect(calls).toEqual(['a', 'c']);
  });

  it('calls a listener at once on a signal that has already aborted', () => {
    const calls: string[] = [];
    const stop = onAbort(AbortSignal.abort(), () => calls.push('late'));
    expect(calls).toEqual(['late']);
    stop();
  });

  it('a listener added after an abort of a signal seen before still hears of it', () => {
    const controller = new AbortController();
    onAbort(controller.signal, () => {})();
    controller.abort();
    const calls: string[] = [];
    onAbort(controller.signal, () => calls.push('x'));
    expect(calls).toEqual(['x']);
  });
});
