import { Activity, ChevronDown, ChevronUp } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useCan } from '../auth/session-context';
import { cn } from '../lib/cn';
import { readApiError } from '../lib/trpc-error';
import { useFlowStore } from '../canvas/flow-store-context';
import { Empty } from './DetailSection';
import { defaultStep } from './run-cache';
import { LoadMoreRuns } from './LoadMoreRuns';
import { RerunFromStepButton, RunActionBar } from './RunActions';
import { runCountLabel } from './run-count-label';
import { isFiltered, readRunFilters, writeRunFilters } from './run-filters';
import { RunFilterBar } from './RunFilterBar';
import { RunLinks } from './RunLinks';
import { RunList } from './RunList';
import { RunOrigin } from './RunOrigin';
import { StepDetails } from './StepDetails';
import { PinOutputButton } from './PinOutputButton';
import { StepList } from './StepList';
import { useRunDetail } from './use-run-detail';
import { useOpenRun } from './use-open-run';
import { useRunActions } from './use-run-actions';
import { useRunEvents } from './use-run-events';
import { runListFilterInput, useRunList } from './use-run-list';

function Column({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <div className={cn('flex min-h-0 flex-col border-r border-zinc-200 last:border-r-0', className)}>
      <div className="border-b border-zinc-100 px-3 py-1.5 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">{title}</div>
      <div className="min-h-0 flex-1 overflow-y-auto">{children}</div>
    </div>
  );
}

/** The flow's runs, live, and the selected run's steps and their records (docked under the canvas). */
export function ActivityPanel({ flowId }: { flowId: string }) {
  // Filters live in the URL (?status=…&trigger=…&user=…&from=…&to=…), so a link shows the same list; ?run=<id> opens a run.
  const search = useSearch();
  const [location, navigate] = useLocation();
  // The panel shows this flow's runs: a `flow` parameter (the Activity page's) does not apply.
  const { flowId: _otherFlow, ...filters } = readRunFilters(search);
  const input = runListFilterInput({ flowId }, filters);
  const { pages, count, items } = useRunList(input);
  const runs = pages;
  const subscription = useRunEvents(flowId, { input, filters });
  const selectedRunId = useFlowStore((s) => s.selectedRunId);
  const selectRun = useFlowStore((s) => s.selectRun);
  const canEdit = useCan('flows.edit');
  const actions = useRunActions(selectRun);
  const openRun = useOpenRun((run) => (run.flowId === flowId ? selectRun(run.id) : navigate(`/flows/${run.flowId}?run=${encodeURIComponent(run.id)}`)));
  const runParam = new URLSearchParams(search).get('run');
  useEffect(() => {
    if (runParam) selectRun(runParam);
  }, [runParam, selectRun]);
  const detail = useRunDetail(selectedRunId);
  const [open, setOpen] = useState(true);
  const [height, setHeight] = useState(260);
  const [pickedStepId, setPickedStepId] = useState<string | null>(null);

  const { clearProblem } = actions;
  useEffect(() => {
    setPickedStepId(null);
    clearProblem();
    if (selectedRunId) setOpen(true);
    // A refusal shown for one run is not about the next one.
  }, [selectedRunId]); // clearProblem changes every render; only a new selection clears

  // Clicking a step on the canvas shows its record in the selected run.
  const selectedNodeId = useFlowStore((s) => {
    const selected = s.nodes.filter((n) => n.selected);
    return selected.length === 1 ? selected[0]?.id : undefined;
  });
  const steps = detail.data?.steps ?? [];
  const recordForNode = steps.find((s) => s.nodeId === selectedNodeId)?.id;
  useEffect(() => {
    if (recordForNode) setPickedStepId(recordForNode);
  }, [recordForNode]);

  const step = steps.find((s) => s.id === pickedStepId) ?? defaultStep(steps);

  return (
    <section
      aria-label="Activity"
      className="relative flex shrink-0 flex-col border-t border-zinc-200 bg-white"
      style={{ height: open ? height : 40 }}
    >
      {open ? <ResizeHandle height={height} onResize={setHeight} /> : null}
      <div className="flex h-10 shrink-0 items-center gap-2 border-b border-zinc-200 px-3">
        <Activity aria-hidden className="size-4 text-zinc-500" />
        <h2 className="text-sm font-semibold text-zinc-800">Activity</h2>
        <span className="text-xs text-zinc-500" aria-label="Run count">
          {runCountLabel(count.data, isFiltered(filters))}
        </span>
        {subscription.status === 'connecting' || subscription.status === 'error' ? (
          <span className="text-xs text-amber-700">{subscription.status === 'error' ? 'Live updates disconnected' : 'Connecting…'}</span>
        ) : null}
        <button
          type="button"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-label={open ? 'Collapse activity' : 'Expand activity'}
          className="ml-auto inline-flex size-7 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900"
        >
          {open ? <ChevronDown aria-hidden className="size-4" /> : <ChevronUp aria-hidden className="size-4" />}
        </button>
      </div>
      {open ? (
        <div className="shrink-0 border-b border-zinc-100 px-3 py-1.5">
          <RunFilterBar
            filters={filters}
            onChange={(next) => navigate(`${location}?${writeRunFilters(search, next)}`, { replace: true })}
            onOpenRun={openRun.open}
            searchProblem={openRun.problem}
          />
        </div>
      ) : null}
      {open ? (
        <div className="flex min-h-0 flex-1">
          <Column title="Runs" className="w-72 shrink-0">
            {runs.isPending ? (
              <div className="p-3">
                <Empty>Loading runs…</Empty>
              </div>
            ) : runs.error ? (
              <p className="p-3 text-xs text-red-700">{readApiError(runs.error).message}</p>
            ) : items.length === 0 ? (
              <div className="p-3">
                <Empty>{isFiltered(filters) ? 'No runs match these filters.' : 'Runs appear here when you press Run.'}</Empty>
              </div>
            ) : (
              <>
                <RunList runs={items} selectedRunId={selectedRunId} onSelect={selectRun} />
                <LoadMoreRuns hasMore={runs.hasNextPage} loading={runs.isFetchingNextPage} onLoadMore={() => void runs.fetchNextPage()} />
              </>
            )}
          </Column>
          <Column title="Steps" className="w-56 shrink-0">
            {!selectedRunId ? (
              <div className="p-3">
                <Empty>Select a run to see its steps.</Empty>
              </div>
            ) : detail.isPending ? (
              <div className="p-3">
                <Empty>Loading…</Empty>
              </div>
            ) : detail.error ? (
              <p className="p-3 text-xs text-red-700">{readApiError(detail.error).message}</p>
            ) : (
              <>
                {canEdit ? <RunActionBar run={detail.data.run} actions={actions} /> : null}
                <RunOrigin run={detail.data.run} />
                <RunLinks run={detail.data.run} steps={steps} onSelect={selectRun} />
                {detail.data.run.error ? (
                  <div className="m-1.5 rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-800">
                    <span className="font-mono font-semibold">{detail.data.run.error.code}</span> {detail.data.run.error.message}
                  </div>
                ) : null}
                {steps.length === 0 ? (
                  <div className="p-3">
                    <Empty>No steps have run yet.</Empty>
                  </div>
                ) : (
                  <StepList steps={steps} selectedStepId={step?.id} onSelect={setPickedStepId} />
                )}
              </>
            )}
          </Column>
          <Column title="Details" className="min-w-0 flex-1">
            {step ? (
              <StepDetails
                step={step}
                actions={
                  <>
                    {canEdit && detail.data ? <RerunFromStepButton run={detail.data.run} step={step} actions={actions} /> : null}
                    <PinOutputButton step={step} />
                  </>
                }
              />
            ) : (
              <div className="p-3">
                <Empty>{selectedRunId ? 'Select a step to see its inputs, outputs and HTTP exchanges.' : 'No run selected.'}</Empty>
              </div>
            )}
          </Column>
        </div>
      ) : null}
    </section>
  );
}

/** Drag the panel's top edge (or use the arrow keys on it) to give the canvas or the records more room. */
function ResizeHandle({ height, onResize }: { height: number; onResize(height: number): void }) {
  const clamp = (h: number) => Math.round(Math.min(Math.max(h, 140), window.innerHeight * 0.75));
  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize activity"
      aria-valuenow={height}
      tabIndex={0}
      className="absolute -top-1 right-0 left-0 z-10 h-2 cursor-row-resize hover:bg-indigo-500/20 focus-visible:bg-indigo-500/30 focus-visible:outline-none"
      onPointerDown={(event) => {
        event.preventDefault();
        const startY = event.clientY;
        const startHeight = height;
        const target = event.currentTarget;
        target.setPointerCapture(event.pointerId);
        const move = (e: PointerEvent) => onResize(clamp(startHeight + startY - e.clientY));
        const up = () => {
          target.removeEventListener('pointermove', move);
          target.removeEventListener('pointerup', up);
        };
        target.addEventListener('pointermove', move);
        target.addEventListener('pointerup', up);
      }}
      onKeyDown={(event) => {
        if (event.key === 'ArrowUp') onResize(clamp(height + 24));
        else if (event.key === 'ArrowDown') onResize(clamp(height - 24));
        else return;
        event.preventDefault();
      }}
    />
  );
}
