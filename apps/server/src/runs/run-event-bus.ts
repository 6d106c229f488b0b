import type { RunEvent } from '@flowyard/engine';

/** Events a slow subscriber may fall behind by before the oldest are dropped (it can re-read the run). */
const maxQueued = 1000;

/** In-process fan-out of run events, per flow: a subscriber hears only the flow it asked for. */
export interface RunEventBus {
  publish(flowId: string, event: RunEvent): void;
  /** Subscribes immediately (not on first `next()`), so nothing published after this call is missed. */
  subscribe(flowId: string, signal?: AbortSignal): AsyncIterable<RunEvent>;
  subscriberCount(flowId: string): number;
}

export function createRunEventBus(): RunEventBus {
  const listeners = new Map<string, Set<(event: RunEvent) => void>>();

  function subscribe(flowId: string, signal?: AbortSignal): AsyncIterable<RunEvent> {
    const queue: RunEvent[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const notify = () => {
      wake?.();
      wake = null;
    };
    const listener = (event: RunEvent) => {
      queue.push(event);
      if (queue.length > maxQueued) queue.shift();
      notify();
    };
    const stop = () => {
      done = true;
      listeners.get(flowId)?.delete(listener);
      if (listeners.get(flowId)?.size === 0) listeners.delete(flowId);
      signal?.removeEventListener('abort', stop);
      notify();
    };
    if (signal?.aborted) done = true;
    else {
      const set = listeners.get(flowId) ?? new Set();
      set.add(listener);
      listeners.set(flowId, set);
      signal?.addEventListener('abort', stop, { once: true });
    }

    async function* events(): AsyncGenerator<RunEvent, void, undefined> {
      try {
        while (!done) {
          const next = queue.shift();
          if (next !== undefined) {
            yield next;
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      } finally {
        stop();
      }
    }
    return events();
  }

  return {
    publish(flowId, event) {
      for (const listener of listeners.get(flowId) ?? []) listener(event);
    },
    subscribe,
    subscriberCount: (flowId) => listeners.get(flowId)?.size ?? 0,
  };
}
