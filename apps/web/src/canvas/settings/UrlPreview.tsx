import { useMemo } from 'react';
import { useFlowStore } from '../flow-store-context';
import { runScope } from './last-run-data';
import { previewRequestUrl } from './url-preview';
import { useLastRun } from './use-last-run';
import { useUpstreamSteps } from './use-upstream-steps';

export interface UrlPreviewProps {
  nodeId: string;
  baseUrl: string;
  path: string;
  autoEncodeURI: boolean;
}

/**
 * Under an HTTP Request step's path: the URL it would call, joined and encoded as the engine does,
 * with references filled from the flow's last run (those the run cannot fill shown as written).
 */
export function UrlPreview({ nodeId, baseUrl, path, autoEncodeURI }: UrlPreviewProps) {
  const steps = useUpstreamSteps(nodeId);
  const lastRun = useLastRun(useFlowStore((s) => s.flowId));
  const runSteps = lastRun.state === 'ready' ? lastRun.steps : null;
  const preview = useMemo(
    () => previewRequestUrl({ baseUrl, path, autoEncodeURI, scope: runSteps === null ? null : runScope(steps, { steps: runSteps }) }),
    [baseUrl, path, autoEncodeURI, steps, runSteps],
  );

  if (!preview.ok) {
    return <p className="-mt-2 text-xs text-amber-700">{`The URL cannot be built: ${preview.message}`}</p>;
  }
  const hasReferences = preview.parts.some((part) => part.kind === 'unresolved') || path.includes('{{');
  const note =
    !hasReferences ? null
    : runSteps === null ? 'References stay as written until the flow has run.'
    : preview.unresolved > 0 ? `With values from the last run; ${preview.unresolved === 1 ? 'one reference has' : `${preview.unresolved} references have`} no value there (highlighted).`
    : 'With values from the last run.';
  return (
    <div className="-mt-2 flex flex-col gap-0.5">
      <p className="font-mono text-xs break-all text-zinc-500" aria-label="Request URL">
        {preview.parts.map((part, index) =>
          part.kind === 'text' ? (
            <span key={index}>{part.text}</span>
          ) : (
            <mark key={index} title={part.problem} data-unresolved className="rounded-sm bg-amber-100 px-0.5 text-amber-900">
              {`{{${part.reference}}}`}
            </mark>
          ),
        )}
      </p>
      {note ? <p className="text-[11px] text-zinc-400">{note}</p> : null}
    </div>
  );
}
