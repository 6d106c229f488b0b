import type { RunSummary, StepRecord } from '@flowyard/engine/schemas';
import { RotateCcw, Square, StepForward } from 'lucide-react';
import { Button } from '../ui/Button';
import type { RunActions as Actions } from './use-run-actions';

/** Stop for a run in flight; Re-run (its payload, the current flow, as you) for one that ended. */
export function RunActionBar({ run, actions }: { run: RunSummary; actions: Actions }) {
  return (
    <div className="flex flex-col gap-1 border-b border-zinc-100 px-3 py-2">
      <div className="flex items-center gap-2">
        {run.status === 'running' ? (
          <Button size="sm" variant="danger" icon={<Square aria-hidden className="size-3" />} disabled={actions.stop.isPending} onClick={() => actions.stop.mutate({ runId: run.id })}>
            {actions.stop.isPending ? 'Stopping…' : 'Stop run'}
          </Button>
        ) : (
          <Button
            size="sm"
            icon={<RotateCcw aria-hidden className="size-3.5" />}
            disabled={actions.rerun.isPending}
            title="A new run of the flow as it is now, with this run's trigger payload, as you"
            onClick={() => actions.rerun.mutate({ runId: run.id })}
          >
            Re-run
          </Button>
        )}
      </div>
      {actions.problem ? (
        <p role="alert" className="text-xs break-words text-red-700">
          {actions.problem}
        </p>
      ) : null}
    </div>
  );
}

/** One click: a new run starting at this step, the steps before it replaying this run's outputs. */
export function RerunFromStepButton({ run, step, actions }: { run: RunSummary; step: StepRecord; actions: Actions }) {
  if (run.status === 'running') return null;
  return (
    <Button
      size="sm"
      variant={step.status === 'failed' ? 'primary' : 'secondary'}
      icon={<StepForward aria-hidden className="size-3.5" />}
      disabled={actions.rerun.isPending}
      title="Run this step and those after it again with the current flow; the steps before it reuse this run's outputs"
      onClick={() => actions.rerun.mutate({ runId: run.id, fromNodeId: step.nodeId })}
    >
      Re-run from here
    </Button>
  );
}
