import { stepProblems } from '@flowyard/engine/schemas';
import { AlertTriangle, MousePointerClick } from 'lucide-react';
import { useDeferredValue, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cn } from '../../lib/cn';
import { useCustomStepCatalog } from '../custom-steps-context';
import type { CanvasNode } from '../flow-store';
import { useFlowStore, useFlowStoreApi } from '../flow-store-context';
import { isTriggerType } from '../graph-rules';
import { stepLook } from '../step-look';
import { AvailableData } from './AvailableData';
import { CustomStepSettings } from './CustomStepSettings';
import { FindUserSettings } from './FindUserSettings';
import { HttpRequestSettings } from './HttpRequestSettings';
import { HttpTriggerSettings } from './HttpTriggerSettings';
import { insertIntoField, isReferenceField, REFERENCE_FIELD_SELECTOR } from './insert-reference';
import { ManualTriggerSettings } from './ManualTriggerSettings';
import { SwitchSettings } from './SwitchSettings';
import { StepTools } from './StepTools';

function StepForm({ node, workflowId }: { node: CanvasNode; workflowId: string }) {
  switch (node.type) {
    case 'manual-trigger':
      return <ManualTriggerSettings node={node} />;
    case 'http-trigger':
      return <HttpTriggerSettings node={node} workflowId={workflowId} />;
    case 'http-request':
      return <HttpRequestSettings node={node} workflowId={workflowId} />;
    case 'custom-step':
      return <CustomStepSettings node={node} workflowId={workflowId} />;
    case 'switch':
      return <SwitchSettings node={node} />;
    case 'find-user':
      return <FindUserSettings node={node} />;
  }
}

/** The right-hand panel: settings of the one selected step. */
export function StepSettingsPanel({ workflowId, save }: { workflowId: string; save(): Promise<boolean> }) {
  const selected = useFlowStore(useShallow((s) => s.nodes.filter((n) => n.selected).map((n) => n.id)));
  // The panel follows the selection in a background render: grabbing a step selects it, and the
  // drag must not wait for a form (and the data of hundreds of upstream steps) to mount.
  const shownId = useDeferredValue(selected.length === 1 ? selected[0] : undefined);
  const node = useSelectedNode(shownId);
  const { lookup } = useCustomStepCatalog();
  const body = useRef<HTMLDivElement>(null);
  // The field Available data inserts into: the last one focused that takes references.
  const lastField = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);

  const insertReference = (text: string) => {
    const last = lastField.current;
    if (last && last.isConnected) {
      insertIntoField(last, text, true);
      return;
    }
    const first = body.current?.querySelector(REFERENCE_FIELD_SELECTOR) ?? null;
    if (isReferenceField(first)) insertIntoField(first, text, false);
  };

  if (!node) {
    return (
      <section aria-label="Step settings" className="flex w-96 shrink-0 flex-col border-l border-zinc-200 bg-white">
        <div className="flex flex-1 flex-col items-center justify-center gap-2 px-8 text-center">
          <MousePointerClick aria-hidden className="size-6 text-zinc-300" />
          <p className="text-sm text-zinc-500">{selected.length > 1 ? `${selected.length} steps selected` : 'Select a step to edit its settings.'}</p>
        </div>
      </section>
    );
  }

  const look = stepLook(node, lookup);
  const Icon = look.icon;
  return (
    <section aria-label="Step settings" className="flex w-96 shrink-0 flex-col border-l border-zinc-200 bg-white">
      <header className="flex items-center gap-3 border-b border-zinc-200 px-4 py-3">
        <span className={cn('flex size-9 shrink-0 items-center justify-center rounded-lg ring-1 ring-inset', look.tile)}>
          <Icon aria-hidden className="size-4.5" />
        </span>
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold text-zinc-900">{node.data.name}</h2>
          <p className="truncate text-xs text-zinc-500">{look.label}</p>
        </div>
      </header>
      <div
        ref={body}
        className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto px-4 py-4"
        onFocus={(event) => {
          if (isReferenceField(event.target)) lastField.current = event.target;
        }}
      >
        <Problems node={node} />
        {/* A fresh form per step: switching steps must not carry values across. */}
        <StepForm key={node.id} node={node} workflowId={workflowId} />
        <StepTools key={`tools-${node.id}`} node={node} save={save} />
        {isTriggerType(node.type) ? null : <AvailableData nodeId={node.id} onInsert={insertReference} />}
      </div>
    </section>
  );
}

/**
 * The one selected step, as a new object only when its settings or name change: dragging it moves
 * its position on every frame, which the settings do not show.
 */
function useSelectedNode(id: string | undefined): CanvasNode | undefined {
  const store = useFlowStoreApi();
  const data = useFlowStore((s) => (id === undefined ? undefined : s.nodes.find((n) => n.id === id)?.data));
  return useMemo(() => (data === undefined ? undefined : store.getState().nodes.find((n) => n.id === id)), [store, id, data]);
}

function Problems({ node }: { node: CanvasNode }) {
  const { lookup, loading } = useCustomStepCatalog();
  const problems = stepProblems(node, loading ? undefined : lookup);
  if (problems.length === 0) return null;
  return (
    <div className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
      <AlertTriangle aria-hidden className="mt-0.5 size-3.5 shrink-0" />
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
