import type { RunSummary } from '@flowyard/engine/schemas';
import { cn } from '../lib/cn';
import { formatDuration, formatStartTime } from './format';
import { AttemptLabel } from './AttemptLabel';
import { StatusLabel } from './StatusLabel';

export interface RunListProps {
  runs: readonly RunSummary[];
  selectedRunId: string | null;
  onSelect(runId: string): void;
}

/** The flow's runs, newest first; each is a button that selects it. */
export function RunList({ runs, selectedRunId, onSelect }: RunListProps) {
  return (
    <ul aria-label="Runs" className="flex flex-col gap-0.5 p-1.5">
      {runs.map((run) => {
        const selected = run.id === selectedRunId;
        return (
          <li key={run.id}>
            <button
              type="button"
              aria-pressed={selected}
              onClick={() => onSelect(run.id)}
              className={cn(
                'flex w-full items-center justify-between gap-2 rounded-md px-2.5 py-1.5 text-left transition-colors',
                selected ? 'bg-indigo-50 ring-1 ring-indigo-200' : 'hover:bg-zinc-100',
              )}
            >
              <span className="flex items-center gap-1.5">
                <StatusLabel status={run.status} />
                <AttemptLabel attempt={run.attempt} />
              </span>
              <span className="flex items-baseline gap-2 text-xs whitespace-nowrap text-zinc-500 tabular-nums">
                <time dateTime={run.startedAt}>{formatStartTime(run.startedAt)}</time>
                <span className="w-12 text-right">{formatDuration(run.durationMs)}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
