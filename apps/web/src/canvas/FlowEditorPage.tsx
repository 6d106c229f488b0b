import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearch } from 'wouter';
import { ActivityPanel } from '../activity/ActivityPanel';
import { useCan } from '../auth/session-context';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { redo, removeSelected, undo } from './editor-actions';
import { EditorToolbar } from './EditorToolbar';
import { FlowCanvas } from './FlowCanvas';
import { FlowContextProviders } from './FlowContextProviders';
import { flowStore, useFlowStore } from './flow-store';
import { RunFlowDialog } from './RunFlowDialog';
import { SaveProblemBanner } from './SaveProblemBanner';
import { StepSettingsPanel } from './settings/StepSettingsPanel';
import { StepsPalette } from './StepsPalette';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useSaveFlow } from './use-save-flow';
import { useUnsavedWarning } from './use-unsaved-warning';

/** `/flows/:id`: the flow editor (palette, canvas, settings, Activity). `?step=<nodeId>` selects a step. */
export function FlowEditorPage() {
  const { id = '' } = useParams<{ id: string }>();
  const stepParam = new URLSearchParams(useSearch()).get('step');
  const trpc = useTRPC();
  // Always refetch on open: the editor must start from what is stored, not from a cached copy.
  const flow = useQuery(trpc.flows.get.queryOptions({ id }, { refetchOnMount: 'always', staleTime: 0 }));
  const loadedId = useFlowStore((s) => s.flowId);
  const loadedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!flow.data || !flow.isFetchedAfterMount || loadedFor.current === id) return;
    loadedFor.current = id;
    flowStore.getState().load(flow.data, stepParam);
  }, [flow.data, flow.isFetchedAfterMount, id, stepParam]);

  // A link to another step of the open flow (e.g. from an endpoint's Usage tab) selects it.
  useEffect(() => {
    if (loadedFor.current === id && stepParam) flowStore.getState().selectStep(stepParam);
  }, [stepParam, id]);

  if (flow.error) {
    const error = readApiError(flow.error);
    return (
      <div className="flex h-full flex-col items-center justify-center gap-3 text-center">
        <p className="text-sm font-medium text-zinc-800">{error.code === 'NOT_FOUND' ? 'This flow does not exist.' : error.message}</p>
        <Link href="/flows" className="text-sm text-indigo-600 hover:underline">
          Back to flows
        </Link>
      </div>
    );
  }
  if (!flow.data || loadedId !== id || loadedFor.current !== id) {
    return <div className="flex h-full items-center justify-center text-sm text-zinc-500">Loading flow…</div>;
  }
  return (
    <ReactFlowProvider>
      <FlowEditor
        flowId={id}
        flowName={flow.data.name}
        workflowId={flow.data.workflowId}
        reload={async () => {
          const selected = flowStore.getState().nodes.filter((n) => n.selected);
          const result = await flow.refetch();
          if (result.data) flowStore.getState().load(result.data, selected.length === 1 ? selected[0]?.id : null);
        }}
      />
    </ReactFlowProvider>
  );
}

interface FlowEditorProps {
  flowId: string;
  flowName: string;
  workflowId: string;
  reload(): Promise<void>;
}

function FlowEditor({ flowId, flowName, workflowId, reload }: FlowEditorProps) {
  const { save, saving, problem, clearProblem } = useSaveFlow();
  const [runOpen, setRunOpen] = useState(false);
  const canEdit = useCan('flows.edit');
  useUnsavedWarning();
  useEditorShortcuts({
    save: () => void save(),
    undo,
    redo,
    remove: removeSelected,
  });

  return (
    <FlowContextProviders workflowId={workflowId}>
      <div className="flex h-full flex-col">
        <EditorToolbar flowName={flowName} workflowId={workflowId} saving={saving} onSave={() => void save()} onRun={() => setRunOpen(true)} />
        {problem ? (
          <SaveProblemBanner
            problem={problem}
            onDismiss={clearProblem}
            onReload={() => {
              clearProblem();
              void reload();
            }}
          />
        ) : null}
        <div className="flex min-h-0 flex-1">
          {canEdit ? <StepsPalette /> : null}
          <div className="flex min-w-0 flex-1 flex-col">
            <FlowCanvas />
          </div>
          <StepSettingsPanel workflowId={workflowId} />
        </div>
        {/* Full width, so a step's HTTP exchange has room beside the runs and steps lists. */}
        <ActivityPanel flowId={flowId} />
        <RunFlowDialog open={runOpen} onOpenChange={setRunOpen} save={save} />
      </div>
    </FlowContextProviders>
  );
}
