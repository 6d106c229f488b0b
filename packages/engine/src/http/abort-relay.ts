// Adding and removing an EventTarget listener on a run's AbortSignal for every request costs
// more than the rest of the request's bookkeeping: each signal gets one listener, shared by
// all the requests made under it, which join and leave a plain Set instead.
const relays = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `listener` once when `signal` aborts (at once if it already has); returns the function
 * that stops listening. Listeners are kept only until the signal aborts or they stop.
 */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  if (signal.aborted) {
    listener();
    return noop;
  }
  let listeners = relays.get(signal);
  if (listeners === undefined) {
    const set = new Set<() => void>();
    signal.addEventListener(
      'abort',
      () => {
        relays.delete(signal);
        for (const each of set) each();
        set.clear();
      },
      { once: true },
    );
    relays.set(signal, set);
    listeners = set;
  }
  const own = listeners;
  own.add(listener);
  return () => void own.delete(listener);
}

function noop(): void {}
