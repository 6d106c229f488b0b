import { useQuery } from '@tanstack/react-query';
import { Workflow } from 'lucide-react';
import { Link } from 'wouter';
import { shortRunId } from '../activity/short-run-id';
import { useTRPC } from '../lib/trpc';

/** The canvas URL that opens a run in its flow's Activity panel. */
export function runHref(flowId: string, runId: string): string {
  return `/flows/${encodeURIComponent(flowId)}?run=${encodeURIComponent(runId)}`;
}

/**
 * A run an integration started (or reacted to), as a link that opens it in its flow's Activity
 * panel: "<flow> · run <short id> (<status>)". The run is looked up for its flow.
 */
export function RunLink({ runId, flowNames }: { runId: string; flowNames: ReadonlyMap<string, string> }) {
  const trpc = useTRPC();
  const run = useQuery(trpc.runs.get.queryOptions({ runId }, { staleTime: 5_000 }));
  const summary = run.data?.run;
  const label = `run ${shortRunId(runId)}`;
  if (!summary) {
    return (
      <span className="inline-flex items-center gap-1.5 font-mono text-xs text-zinc-500" title={runId}>
        <Workflow aria-hidden className="size-3.5" />
        {run.isError ? `${label} (no longer kept)` : label}
      </span>
    );
  }
  const flowName = flowNames.get(summary.flowId);
  return (
    <Link href={runHref(summary.flowId, runId)} title={runId} className="inline-flex items-center gap-1.5 text-xs text-indigo-700 hover:underline">
      <Workflow aria-hidden className="size-3.5 text-zinc-400" />
      {flowName ? `${flowName} · ` : ''}
      {label} ({summary.status})
    </Link>
  );
}
