import { Activity } from 'lucide-react';
import { Link, useLocation, useSearch } from 'wouter';
import { useFlows } from '../flows/use-flows';
import { readApiError } from '../lib/trpc-error';
import { useCurrentWorkflow } from '../shell/use-workflow';
import { Page, PageHeader } from '../ui/Page';
import { Empty } from './DetailSection';
import { formatDuration, formatStartTime } from './format';
import { LoadMoreRuns } from './LoadMoreRuns';
import { runCountLabel } from './run-count-label';
import { isFiltered, readRunFilters, writeRunFilters } from './run-filters';
import { RunFilterBar } from './RunFilterBar';
import { StatusLabel } from './StatusLabel';
import { useOpenRun } from './use-open-run';
import { runListFilterInput, useRunList } from './use-run-list';

const runHref = (flowId: string, runId: string) => `/flows/${flowId}?run=${encodeURIComponent(runId)}`;

/** `/activity`: the runs of every flow of the workflow, newest first, with the flow as one more filter (all in the URL). */
export function ActivityPage() {
  const { workflowId, error } = useCurrentWorkflow();
  return (
    <Page wide>
      <PageHeader title="Activity" description="Every run of this workflow's flows, newest first. Filters stay in the address, so a link shows the same list." />
      {error ? <p className="text-sm text-red-700">{readApiError(error).message}</p> : workflowId ? <WorkflowRuns workflowId={workflowId} /> : <Empty>Loading…</Empty>}
    </Page>
  );
}

function WorkflowRuns({ workflowId }: { workflowId: string }) {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const filters = readRunFilters(search);
  // The filter offers the first page of flows by name; a run id or a link still reaches any flow.
  const flowPages = useFlows(workflowId, '');
  const flowList = flowPages.data?.pages.flatMap((page) => page.items) ?? [];
  const flowNames = new Map(flowList.map((flow) => [flow.id, flow.name]));
  const { pages, count, items } = useRunList(runListFilterInput({ workflowId }, filters));
  const openRun = useOpenRun((run) => navigate(runHref(run.flowId, run.id)));
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-zinc-200 bg-white px-3 py-2">
        <RunFilterBar
          filters={filters}
          flows={flowList}
          onChange={(next) => navigate(`${location}?${writeRunFilters(search, next)}`, { replace: true })}
          onOpenRun={openRun.open}
          searchProblem={openRun.problem}
        />
        <span aria-label="Run count" className="text-xs text-zinc-500">
          {runCountLabel(count.data, isFiltered(filters))}
        </span>
      </div>
      <div className="rounded-lg border border-zinc-200 bg-white">
        {pages.isPending ? (
          <p className="p-4">
            <Empty>Loading runs…</Empty>
          </p>
        ) : pages.error ? (
          <p className="p-4 text-sm text-red-700">{readApiError(pages.error).message}</p>
        ) : items.length === 0 ? (
          <p className="flex items-center gap-2 p-4">
            <Activity aria-hidden className="size-4 text-zinc-400" />
            <Empty>{isFiltered(filters) ? 'No runs match these filters.' : 'No runs yet.'}</Empty>
          </p>
        ) : (
          <>
            <ul aria-label="Runs" className="divide-y divide-zinc-100">
              {items.map((run) => (
                <li key={run.id}>
                  <Link href={runHref(run.flowId, run.id)} className="grid grid-cols-[7rem_minmax(0,1fr)_8rem_9rem_5rem] items-center gap-3 px-4 py-2 text-sm hover:bg-zinc-50">
                    <StatusLabel status={run.status} />
                    <span className="truncate font-medium text-zinc-900">{flowNames.get(run.flowId) ?? run.flowId}</span>
                    <span className="truncate text-xs text-zinc-500">{run.trigger.type === 'http' ? 'HTTP trigger' : run.trigger.type === 'integration' ? `Integration${run.origin ? ` ${run.origin.integrationName}` : ''}` : 'Manual'} · {run.actedAs.name}</span>
                    <time dateTime={run.startedAt} className="text-xs text-zinc-500 tabular-nums">
                      {formatStartTime(run.startedAt)}
                    </time>
                    <span className="text-right text-xs text-zinc-500 tabular-nums">{formatDuration(run.durationMs)}</span>
                  </Link>
                </li>
              ))}
            </ul>
            <LoadMoreRuns hasMore={pages.hasNextPage} loading={pages.isFetchingNextPage} onLoadMore={() => void pages.fetchNextPage()} />
          </>
        )}
      </div>
    </div>
  );
}
