import type { Json, StepRecord } from '@flowyard/engine/schemas';
import type { ReactNode } from 'react';
import { cn } from '../lib/cn';
import { errorCertificate } from './certificate-details';
import { CertificateDetails } from './CertificateDetails';
import { CodeBlock, DetailSection, Empty, KeyValues } from './DetailSection';
import { displayValue, formatDuration, formatStartTime } from './format';
import { HttpExchangeView } from './HttpExchangeView';
import { shortRunId } from './short-run-id';
import { locationKeys, scriptLocation, switchOutcome } from './script-location';
import { AttemptLabel } from './AttemptLabel';
import { StatusLabel } from './StatusLabel';
import { StepTries } from './StepTries';

/** Short single-line values read best inline; anything bigger gets a scrolling block. */
function isShort(value: Json): boolean {
  if (value === null || typeof value !== 'object') return displayValue(value).length <= 120 && !displayValue(value).includes('\n');
  return false;
}

function Values({ values, label }: { values: Record<string, Json> | null; label: string }) {
  if (values === null || Object.keys(values).length === 0) return <Empty>None</Empty>;
  return (
    <dl aria-label={label} className="grid grid-cols-[minmax(5rem,max-content)_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1.5 text-xs">
      {Object.entries(values).map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="font-mono text-zinc-500">{name}</dt>
          <dd className="min-w-0">
            {isShort(value) ? (
              <span className="font-mono break-all whitespace-pre-wrap text-zinc-800">{displayValue(value) || '""'}</span>
            ) : (
              <CodeBlock>{displayValue(value)}</CodeBlock>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const logTone = { log: 'text-zinc-700', info: 'text-sky-700', warn: 'text-amber-700', error: 'text-red-700' } as const;

/** Everything recorded for one step of a run: error, inputs, outputs, branch taken, tries, console lines and HTTP exchanges. `actions` go in its header. */
export function StepDetails({ step, actions }: { step: StepRecord; actions?: ReactNode }) {
  const location = step.error ? scriptLocation(step.error.details) : null;
  const certificate = step.error ? errorCertificate(step.error.details) : null;
  const otherDetails = step.error
    ? Object.entries(step.error.details).filter(
        ([key]) => (location === null || !(locationKeys as readonly string[]).includes(key)) && !(certificate !== null && key === 'certificate'),
      )
    : [];
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
          <div className="rounded-md border border-red-200 bg-red-50 p-2.5 text-sm">
            <p className="font-mono text-xs font-semibold text-red-800">{step.error.code}</p>
            <p className="mt-0.5 text-red-800">{step.error.message}</p>
            {location ? <p className="mt-1 font-mono text-xs text-red-700">{location}</p> : null}
            {certificate ? <CertificateDetails certificate={certificate} /> : null}
            {otherDetails.length > 0 ? (
              <div className="mt-2">
                <KeyValues label="Error details" entries={otherDetails.map(([k, v]) => [k, displayValue(v)] as const)} />
              </div>
            ) : null}
          </div>
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
        {step.logs.length === 0 ? (
          <Empty>No console output</Empty>
        ) : (
          <ol aria-label="Console lines" className="flex flex-col rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-2 font-mono text-xs">
            {step.logs.map((line, i) => (
              <li key={i} className={cn('flex gap-2 whitespace-pre-wrap', logTone[line.level])}>
                <span className="shrink-0 text-zinc-400">{new Date(line.at).toLocaleTimeString()}</span>
                <span className="w-10 shrink-0 font-semibold uppercase">{line.level}</span>
                <span className="min-w-0 break-all">{line.message}</span>
              </li>
            ))}
          </ol>
        )}
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
