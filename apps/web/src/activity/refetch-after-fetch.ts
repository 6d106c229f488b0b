import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';

// Queries waiting for their fetch in flight to land, per client: one more fetch each, however
// many events arrive meanwhile (cancelling and restarting per event could starve a busy flow).
const waiting = new WeakMap<QueryClient, Set<string>>();

/** Fetches `queryKey` again once the fetch now in flight has landed (once, however often called meanwhile). */
export function refetchAfterFetch(queryClient: QueryClient, queryKey: QueryKey): void {
  const hash = hashKey(queryKey);
  const keys = waiting.get(queryClient) ?? new Set<string>();
  waiting.set(queryClient, keys);
  if (keys.has(hash)) return;
  keys.add(hash);
  const cache = queryClient.getQueryCache();
  const done = (): void => {
    unsubscribe();
    keys.delete(hash);
    void queryClient.invalidateQueries({ queryKey, exact: true });
  };
  const unsubscribe = cache.subscribe((event) => {
    if (event.query.queryHash === hash && (event.type === 'removed' || event.query.state.fetchStatus === 'idle')) done();
  });
  // It may have landed between the caller's look and the subscription.
  if (queryClient.isFetching({ queryKey, exact: true }) === 0) done();
}
