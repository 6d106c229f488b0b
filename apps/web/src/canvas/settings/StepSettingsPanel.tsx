import { stepProblems } from '@flowyard/engine/schemas';
import { AlertTriangle, MousePointerClick } from 'lucide-react';
import { cn } from '../../lib/cn';
import { useShallow } from 'zustand/react/shallow';
import { useFlowStore, type CanvasNode } from '../flow-store';
import { stepVisuals } from '../step-visuals';
import { HttpRequestSettings } from './HttpRequestSettings';
import { ManualTriggerSettings } from './ManualTriggerSettings';

function StepForm({ node, workflowId }: { node: CanvasNode; workflowId: string }) {
  switch (node.type) {
    case 'manual-trigger':
      return <ManualTriggerSettings node={node} />;
    case 'http-request':
      return <HttpRequestSettings node={node} workflowId={workflowId} />;
  }
}

/** The right-hand panel: settings of the one selected step. */
export function StepSettingsPanel({ workflowId }: { workflowId: string }) {
  const selected = useFlowStore(useShallow((s) => s.nodes.filter((n) => n.selected)));
  const node = selected.length === 1 ? selected[0] : undefined;

  return (
    <section aria-label="Step settings" className="flex w-96 shrink-0 flex-col border-l border-zinc-200 bg-white">
      {node ? (
        <>
          <header className="flex items-center gap-3 border-b border-zinc-200 px-4 py-3">
            <StepIcon node={node} />
            <div className="min-w-0">
              <h2 className="truncate text-sm font-semibold text-zinc-900">{node.data.name}</h2>
              <p className="text-xs text-zinc-500">{stepVisuals[node.type].label}</p>
            </div>
          </header>
          <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">
            <Problems node={node} />
            {/* A fresh form per step: switching steps must not carry values across. */}
            <StepForm key={node.id} node={node} workflowId={workflowId} />
          </div>
        </>
      ) : (
        <div className="flex flex-1 flex-col items-center justify-center gap-2 px-8 text-center">
          <MousePointerClick aria-hidden className="size-6 text-zinc-300" />
          <p className="text-sm text-zinc-500">
            {selected.length > 1 ? `${selected.length} steps selected` : 'Select a step to edit its settings.'}
          </p>
        </div>
      )}
    </section>
  );
}

function StepIcon({ node }: { node: CanvasNode }) {
  const visual = stepVisuals[node.type];
  const Icon = visual.icon;
  return (
    <span className={cn('flex size-9 shrink-0 items-center justify-center rounded-lg ring-1 ring-inset', visual.tile)}>
      <Icon aria-hidden className="size-4.5" />
    </span>
  );
}

function Problems({ node }: { node: CanvasNode }) {
  const problems = stepProblems(node);
  if (problems.length === 0) return null;
  return (
    <div className="mb-4 flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
      <AlertTriangle aria-hidden className="mt-0.5 size-3.5 shrink-0" />
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
