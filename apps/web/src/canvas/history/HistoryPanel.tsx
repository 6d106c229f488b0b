import type { FlowVersionSummary } from '@flowyard/engine/schemas';
import { X } from 'lucide-react';
import { cn } from '../../lib/cn';
import { formatRelativeTime } from '../../lib/relative-time';
import { readApiError } from '../../lib/trpc-error';
import { Button, IconButton } from '../../ui/Button';
import { useFlowStore } from '../flow-store-context';
import { useFlowVersions } from './use-flow-versions';

export interface HistoryPanelProps {
  flowId: string;
  /** The kept version shown on the canvas, or null for the current flow. */
  viewing: number | null;
  /** Shows a kept version read-only; null goes back to the current flow. */
  onView(version: FlowVersionSummary | null): void;
  onClose(): void;
}

/** The right-hand History panel: every kept version of the flow, newest first, a page at a time. */
export function HistoryPanel({ flowId, viewing, onView, onClose }: HistoryPanelProps) {
  const versions = useFlowVersions(flowId);
  const current = useFlowStore((s) => s.version);
  const now = Date.now();
  const items = versions.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-label="History" className="flex w-96 shrink-0 flex-col border-l border-zinc-200 bg-white">
      <div className="flex h-11 shrink-0 items-center gap-2 border-b border-zinc-200 px-4">
        <h2 className="flex-1 text-sm font-semibold text-zinc-900">History</h2>
        <IconButton label="Close history" icon={<X aria-hidden className="size-4" />} onClick={onClose} />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 py-2">
        {versions.isPending ? <p className="px-2 text-sm text-zinc-500">Loading versions…</p> : null}
        {versions.isError ? <p className="px-2 text-sm text-red-700">{readApiError(versions.error).message}</p> : null}
        <ul aria-label="Versions" className="flex flex-col gap-1">
          {items.map((item) => {
            const isCurrent = item.version === current;
            const shown = viewing === null ? isCurrent : item.version === viewing;
            return (
              <li key={item.version}>
                <button
                  type="button"
                  aria-current={shown ? 'true' : undefined}
                  onClick={() => onView(isCurrent ? null : item)}
                  className={cn(
                    'flex w-full flex-col gap-0.5 rounded-md px-3 py-2 text-left hover:bg-zinc-50',
                    shown && 'bg-indigo-50 ring-1 ring-indigo-200 hover:bg-indigo-50',
                  )}
                >
                  <span className="flex items-center gap-2">
                    <span className="min-w-0 flex-1 truncate text-sm font-medium text-zinc-900">{item.summary}</span>
                    {isCurrent ? <span className="rounded-full bg-emerald-100 px-1.5 text-[10px] font-semibold text-emerald-800">Current</span> : null}
                  </span>
                  <span className="text-xs text-zinc-500" title={new Date(item.savedAt).toLocaleString()}>
                    {item.savedBy.name} · {formatRelativeTime(item.savedAt, now)} · version {item.version}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        {versions.hasNextPage ? (
          <div className="px-2 pt-2">
            <Button size="sm" disabled={versions.isFetchingNextPage} onClick={() => void versions.fetchNextPage()}>
              {versions.isFetchingNextPage ? 'Loading…' : 'Load more versions'}
            </Button>
          </div>
        ) : null}
        {versions.data && !versions.hasNextPage ? <p className="px-3 pt-3 text-xs text-zinc-400">The newest 100 versions are kept.</p> : null}
      </div>
    </section>
  );
}
