import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearch } from 'wouter';
import { ActivityPanel } from '../activity/ActivityPanel';
import { useCan } from '../auth/session-context';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { useEditorActions } from './editor-actions';
import { EditorToolbar } from './EditorToolbar';
import { FlowCanvas } from './FlowCanvas';
import { FlowContextProviders } from './FlowContextProviders';
import { FlowStoreProvider, useFlowStoreApi } from './flow-store-context';
import { RunFlowDialog } from './RunFlowDialog';
import { SaveProblemBanner } from './SaveProblemBanner';
import { StepSettingsPanel } from './settings/StepSettingsPanel';
import { StepsPalette } from './StepsPalette';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useAutosave } from './use-autosave';
import { useSaveFlow } from './use-save-flow';
import { useUnsavedWarning } from './use-unsaved-warning';

/** `/flows/:id`: the flow editor (palette, canvas, settings, Activity). `?step=<nodeId>` selects a step. */
export function FlowEditorPage() {
  const { id = '' } = useParams<{ id: string }>();
  const stepParam = new URLSearchParams(useSearch()).get('step');
  const trpc = useTRPC();
  // Always refetch on open: the editor must start from what is stored, not from a cached copy.
  const flow = useQuery(trpc.flows.get.queryOptions({ id }, { refetchOnMount: 'always', staleTime: 0 }));

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
  if (!flow.data || !flow.isFetchedAfterMount || flow.data.id !== id) {
    return <div className="flex h-full items-center justify-center text-sm text-zinc-500">Loading flow…</div>;
  }
  // One store per opened flow: the key gives a flow opened again (or another one) a fresh store.
  return (
    <FlowStoreProvider key={flow.data.id} initial={flow.data} selectStepId={stepParam}>
      <ReactFlowProvider>
        <FlowEditor
          flowId={id}
          flowName={flow.data.name}
          workflowId={flow.data.workflowId}
          stepParam={stepParam}
        />
      </ReactFlowProvider>
    </FlowStoreProvider>
  );
}

interface FlowEditorProps {
  flowId: string;
  flowName: string;
  workflowId: string;
  stepParam: string | null;
}

function FlowEditor({ flowId, flowName, workflowId, stepParam }: FlowEditorProps) {
  const flowStore = useFlowStoreApi();
  const { undo, redo, removeSelected } = useEditorActions();
  const { save, saving, problem, clearProblem, takeTheirs, overwriteWithMine } = useSaveFlow();
  const [runOpen, setRunOpen] = useState(false);
  const canEdit = useCan('flows.edit');
  useUnsavedWarning();
  useAutosave({ save, paused: problem?.kind === 'conflict', enabled: canEdit });

  // A link to another step of the open flow (e.g. from an endpoint's Usage tab) selects it.
  useEffect(() => {
    if (stepParam) flowStore.getState().selectStep(stepParam);
  }, [flowStore, stepParam]);

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
            onTakeTheirs={() => void takeTheirs()}
            onOverwrite={() => void overwriteWithMine()}
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
