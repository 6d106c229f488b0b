import type { LogLine } from '@flowyard/engine/schemas';
import { cn } from '../lib/cn';
import { Empty } from './DetailSection';

const logTone = { log: 'text-zinc-700', info: 'text-sky-700', warn: 'text-amber-700', error: 'text-red-700' } as const;

/** A step's console lines as the Activity panel shows them. */
export function ConsoleLines({ lines }: { lines: readonly LogLine[] }) {
  if (lines.length === 0) return <Empty>No console output</Empty>;
  return (
    <ol aria-label="Console lines" className="flex flex-col rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-2 font-mono text-xs">
      {lines.map((line, i) => (
        <li key={i} className={cn('flex gap-2 whitespace-pre-wrap', logTone[line.level])}>
          <span className="shrink-0 text-zinc-400">{new Date(line.at).toLocaleTimeString()}</span>
          <span className="w-10 shrink-0 font-semibold uppercase">{line.level}</span>
          <span className="min-w-0 break-all">{line.message}</span>
        </li>
      ))}
    </ol>
  );
}
