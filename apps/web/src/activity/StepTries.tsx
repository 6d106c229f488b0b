import type { StepTry } from '@flowyard/engine/schemas';
import { formatDuration } from './format';

/** The tries of a step that retries on failure: when each ran, how it ended and how long the runner waited after it. */
export function StepTries({ tries }: { tries: readonly StepTry[] }) {
  return (
    <ol aria-label="Tries" className="flex flex-col gap-1 text-xs">
      {tries.map((entry) => (
        <li key={entry.try} className="flex flex-wrap items-baseline gap-x-2 rounded-md bg-zinc-50 px-2 py-1 ring-1 ring-zinc-200">
          <span className="font-semibold text-zinc-800">Try {entry.try}</span>
          <span className={entry.error === null && (entry.status === null || entry.status < 400) ? 'text-emerald-700' : 'text-red-700'}>
            {tryOutcome(entry)}
          </span>
          <span className="text-zinc-500 tabular-nums">{formatDuration(entry.durationMs)}</span>
          {entry.waitMs === null ? null : <span className="text-zinc-500 tabular-nums">then waited {formatDuration(entry.waitMs)}</span>}
        </li>
      ))}
    </ol>
  );
}

/** "HTTP 503", "HTTP_CONNECT_FAILED: …", or "succeeded". */
export function tryOutcome(entry: StepTry): string {
  if (entry.error !== null) return `${entry.error.code}: ${entry.error.message}`;
  return entry.status === null ? 'succeeded' : `HTTP ${entry.status}`;
}
