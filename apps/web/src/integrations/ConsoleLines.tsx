import type { LogLine } from '@flowyard/engine/schemas';
import { cn } from '../lib/cn';

const tone: Record<LogLine['level'], string> = { log: 'text-zinc-800', info: 'text-sky-800', warn: 'text-amber-800', error: 'text-red-700' };

/** A script's console lines in order (time, level, message), as the Activity panel shows a step's. */
export function ConsoleLines({ lines }: { lines: readonly LogLine[] }) {
  if (lines.length === 0) return <p className="text-xs text-zinc-400 italic">No console output</p>;
  return (
    <ol aria-label="Console lines" className="flex flex-col rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-2 font-mono text-xs">
      {lines.map((line, i) => (
        <li key={i} className={cn('flex gap-2 whitespace-pre-wrap', tone[line.level])}>
          <span className="shrink-0 text-zinc-400">{new Date(line.at).toLocaleTimeString()}</span>
          <span className="w-10 shrink-0 font-semibold uppercase">{line.level}</span>
          <span className="min-w-0 break-all">{line.message}</span>
        </li>
      ))}
    </ol>
  );
}
