import type { StepRecord } from '@flowyard/engine/schemas';
import { cn } from '../lib/cn';
import { formatDuration } from './format';
import { AttemptLabel } from './AttemptLabel';
import { StatusLabel } from './StatusLabel';

export interface StepListProps {
  steps: readonly StepRecord[];
  selectedStepId: string | undefined;
  onSelect(stepId: string): void;
}

/** The selected run's steps in the order they ran. */
export function StepList({ steps, selectedStepId, onSelect }: StepListProps) {
  return (
    <ul aria-label="Steps" className="flex flex-col gap-0.5 p-1.5">
      {steps.map((step) => {
        const selected = step.id === selectedStepId;
        return (
          <li key={step.id}>
            <button
              type="button"
              aria-pressed={selected}
              onClick={() => onSelect(step.id)}
              className={cn(
                'flex w-full flex-col gap-0.5 rounded-md px-2.5 py-1.5 text-left transition-colors',
                selected ? 'bg-indigo-50 ring-1 ring-indigo-200' : 'hover:bg-zinc-100',
              )}
            >
              <span className="truncate text-sm font-medium text-zinc-900">{step.name}</span>
              <span className="flex items-center justify-between gap-2">
                <span className="flex items-center gap-1.5">
                  <StatusLabel status={step.status} />
                  <AttemptLabel attempt={step.attempt} />
                  {step.pinned ? <span className="rounded px-1 text-[11px] font-medium text-violet-800 ring-1 ring-violet-300">pinned</span> : null}
                </span>
                <span className="text-xs text-zinc-500 tabular-nums">{formatDuration(step.durationMs)}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
