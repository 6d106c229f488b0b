import type { RunSummary, StepRecord } from '@flowyard/engine/schemas';
import { useQuery } from '@tanstack/react-query';
import { CornerDownRight, History } from 'lucide-react';
import { useTRPC } from '../lib/trpc';
import { shortRunId } from './short-run-id';

/** Which run this one re-runs (and from which step), and the re-runs of it: each a link that selects that run. */
export function RunLinks({ run, steps, onSelect }: { run: RunSummary; steps: readonly StepRecord[]; onSelect(runId: string): void }) {
  const trpc = useTRPC();
  const reruns = useQuery(trpc.runs.reruns.queryOptions({ runId: run.id }, { staleTime: 5_000 }));
  const from = run.rerunOf?.fromNodeId ? (steps.find((step) => step.nodeId === run.rerunOf?.fromNodeId)?.name ?? run.rerunOf.fromNodeId) : null;
  const link = 'font-mono text-indigo-700 underline-offset-2 hover:underline';
  if (run.rerunOf === null && (reruns.data ?? []).length === 0) return null;
  return (
    <div aria-label="Related runs" className="flex flex-col gap-0.5 border-b border-zinc-100 px-3 py-2 text-xs text-zinc-600">
      {run.rerunOf ? (
        <span className="flex items-center gap-1.5">
          <History aria-hidden className="size-3.5 text-zinc-400" />
          <span>
            Re-run of{' '}
            <button type="button" className={link} title={run.rerunOf.runId} onClick={() => run.rerunOf && onSelect(run.rerunOf.runId)}>
              run {shortRunId(run.rerunOf.runId)}
            </button>
            {from ? ` from step "${from}"` : null}
          </span>
        </span>
      ) : null}
      {(reruns.data ?? []).map((rerun) => (
        <span key={rerun.id} className="flex items-center gap-1.5">
          <CornerDownRight aria-hidden className="size-3.5 text-zinc-400" />
          <span>
            Re-run as{' '}
            <button type="button" className={link} title={rerun.id} onClick={() => onSelect(rerun.id)}>
              run {shortRunId(rerun.id)}
            </button>{' '}
            ({rerun.status})
          </span>
        </span>
      ))}
    </div>
  );
}
