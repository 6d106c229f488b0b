import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { refetchAfterFetch } from './refetch-after-fetch';

describe('refetchAfterFetch', () => {
  it('fetches once more after a first fetch in flight lands, however often it is asked meanwhile', async () => {
    const queryClient = new QueryClient();
    const answers = ['stale', 'fresh'];
    let calls = 0;
    let release: () => void = () => undefined;
    const queryKey = ['run', 'r1'];
    const observer = new QueryObserver(queryClient, {
      queryKey,
      queryFn: async () => {
        const answer = answers[calls++] ?? 'later';
        if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
        return answer;
      },
      staleTime: Infinity,
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await Promise.resolve();
    expect(queryClient.isFetching({ queryKey })).toBe(1);

    // Events arrive while the first fetch (which read the server before them) is still out.
    refetchAfterFetch(queryClient, queryKey);
    refetchAfterFetch(queryClient, queryKey);
    release();
    await expect.poll(() => queryClient.getQueryData(queryKey)).toBe('fresh');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toBe(2);
    unsubscribe();
  });
});
