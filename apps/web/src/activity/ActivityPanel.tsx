import { useQuery } from '@tanstack/react-query';
import { Activity, ChevronDown, ChevronUp } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { cn } from '../lib/cn';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { useFlowStore } from '../canvas/flow-store-context';
import { Empty } from './DetailSection';
import { defaultStep } from './run-cache';
import { runListInput } from './run-queries';
import { RunList } from './RunList';
import { RunOrigin } from './RunOrigin';
import { StepDetails } from './StepDetails';
import { PinOutputButton } from './PinOutputButton';
import { StepList } from './StepList';
import { useRunDetail } from './use-run-detail';
import { useRunEvents } from './use-run-events';

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
  const trpc = useTRPC();
  const runs = useQuery(trpc.runs.list.queryOptions(runListInput(flowId), { staleTime: Infinity }));
  const subscription = useRunEvents(flowId);
  const selectedRunId = useFlowStore((s) => s.selectedRunId);
  const selectRun = useFlowStore((s) => s.selectRun);
  const detail = useRunDetail(selectedRunId);
  const [open, setOpen] = useState(true);
  const [height, setHeight] = useState(260);
  const [pickedStepId, setPickedStepId] = useState<string | null>(null);

  useEffect(() => {
    setPickedStepId(null);
    if (selectedRunId) setOpen(true);
  }, [selectedRunId]);

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
  const items = runs.data?.items ?? [];

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
        <span className="text-xs text-zinc-500">{items.length === 0 ? 'No runs yet' : `${items.length} run${items.length === 1 ? '' : 's'}`}</span>
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
                <Empty>Runs appear here when you press Run.</Empty>
              </div>
            ) : (
              <RunList runs={items} selectedRunId={selectedRunId} onSelect={selectRun} />
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
                <RunOrigin run={detail.data.run} />
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
              <StepDetails step={step} actions={<PinOutputButton step={step} />} />
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
