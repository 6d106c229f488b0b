import { useEffect, useRef } from 'react';

/**
 * The end of a run list: fetches the next page as it scrolls into view (infinite scroll on the
 * list's cursor), with a button for those who page by keyboard.
 */
export function LoadMoreRuns({ hasMore, loading, onLoadMore }: { hasMore: boolean; loading: boolean; onLoadMore(): void }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const load = useRef(onLoadMore);
  load.current = onLoadMore;
  useEffect(() => {
    const element = sentinel.current;
    if (element === null || !hasMore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) load.current();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore]);
  if (!hasMore) return null;
  return (
    <div ref={sentinel} className="px-1.5 pb-2">
      <button
        type="button"
        disabled={loading}
        onClick={onLoadMore}
        className="w-full rounded-md px-2.5 py-1.5 text-xs text-zinc-600 hover:bg-zinc-100 disabled:text-zinc-400"
      >
        {loading ? 'Loading more runs…' : 'Load more runs'}
      </button>
    </div>
  );
}
