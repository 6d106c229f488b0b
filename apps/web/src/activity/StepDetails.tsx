import type { StepRecord } from '@flowyard/engine/schemas';
import type { ReactNode } from 'react';
import { cn } from '../lib/cn';
import { ConsoleLines } from './ConsoleLines';
import { DetailSection, Empty } from './DetailSection';
import { formatDuration, formatStartTime } from './format';
import { HttpExchangeView } from './HttpExchangeView';
import { shortRunId } from './short-run-id';
import { switchOutcome } from './script-location';
import { AttemptLabel } from './AttemptLabel';
import { StatusLabel } from './StatusLabel';
import { StepErrorView } from './StepErrorView';
import { StepTries } from './StepTries';
import { Values } from './Values';

/** Everything recorded for one step of a run: error, inputs, outputs, branch taken, tries, console lines and HTTP exchanges. `actions` go in its header. */
export function StepDetails({ step, actions }: { step: StepRecord; actions?: ReactNode }) {
  const outcome = step.stepType === 'switch' ? switchOutcome(step.outputs) : null;
  return (
    <div className="flex flex-col gap-4 p-3">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 className="text-sm font-semibold text-zinc-900">{step.name}</h3>
        <StatusLabel status={step.status} />
        <AttemptLabel attempt={step.attempt} />
        <StepMarks step={step} />
        <span className="text-xs text-zinc-500 tabular-nums">
          started {formatStartTime(step.startedAt)} · {formatDuration(step.durationMs)}
        </span>
        {actions ? <span className="ml-auto flex gap-1.5">{actions}</span> : null}
      </header>

      {step.replayedFrom !== null ? (
        <p className="-mt-2 text-xs text-violet-800" title={`Not executed: inputs and outputs as recorded by run ${step.replayedFrom}`}>
          replayed from run {shortRunId(step.replayedFrom)}
        </p>
      ) : null}
      {step.error ? (
        <DetailSection title="Error">
          <StepErrorView error={step.error} />
        </DetailSection>
      ) : null}

      <DetailSection title="Inputs">
        <Values label="Inputs" values={step.inputs} />
      </DetailSection>
      <DetailSection title="Outputs">
        <Values label="Outputs" values={step.outputs} />
      </DetailSection>
      {outcome ? (
        <DetailSection title="Branch">
          <p className="text-xs text-zinc-800">{outcome}</p>
        </DetailSection>
      ) : null}
      {step.tries && step.tries.length > 0 ? (
        <DetailSection title="Tries">
          <StepTries tries={step.tries} />
        </DetailSection>
      ) : null}
      <DetailSection title="Console">
        <ConsoleLines lines={step.logs} />
      </DetailSection>
      <DetailSection title="HTTP">
        {step.exchanges.length === 0 ? (
          <Empty>No HTTP requests</Empty>
        ) : (
          step.exchanges.map((exchange, i) => <HttpExchangeView key={`${exchange.startedAt}-${i}`} exchange={exchange} />)
        )}
      </DetailSection>
    </div>
  );
}

/** "pinned" when a manual run took the step's pin; "continued" when it failed and its onFailure went on. */
function StepMarks({ step }: { step: StepRecord }) {
  return (
    <>
      {step.pinned ? (
        <span title="A manual run used this step's pinned output; the step did not run" className="rounded px-1 text-[11px] font-medium text-violet-800 ring-1 ring-violet-300">
          pinned
        </span>
      ) : null}
      {step.status === 'failed' && step.outputs !== null ? (
        <span title="The step failed and its On failure setting let the flow continue, with the error as its output" className="rounded px-1 text-[11px] font-medium text-amber-800 ring-1 ring-amber-200">
          continued
        </span>
      ) : null}
    </>
  );
}
