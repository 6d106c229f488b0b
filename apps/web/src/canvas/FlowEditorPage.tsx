import type { FlowVersionSummary } from '@flowyard/engine/schemas';
import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearch } from 'wouter';
import { ActivityPanel } from '../activity/ActivityPanel';
import { useCan } from '../auth/session-context';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { useEditorActions } from './editor-actions';
import { EditorToolbar } from './EditorToolbar';
import { FlowCanvas } from './FlowCanvas';
import { FlowContextProviders } from './FlowContextProviders';
import { FlowStoreProvider, useFlowStoreApi, usePendingEdits } from './flow-store-context';
import { HistoryPanel } from './history/HistoryPanel';
import { useRestoreVersion } from './history/use-restore-version';
import { VersionBanner } from './history/VersionBanner';
import { VersionCanvas } from './history/VersionCanvas';
import { RunFlowDialog } from './RunFlowDialog';
import { SaveProblemBanner } from './SaveProblemBanner';
import { StepSettingsPanel } from './settings/StepSettingsPanel';
import { StepsPalette } from './StepsPalette';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { KeyboardShortcutsDialog } from './KeyboardShortcutsDialog';
import { useAutosave } from './use-autosave';
import { useCanvasCommands } from './use-canvas-commands';
import { useSaveFlow } from './use-save-flow';
import { useRevealStep } from './use-reveal-step';
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
  const pendingEdits = usePendingEdits();
  const [historyOpen, setHistoryOpen] = useState(false);
  // The kept version shown read-only in place of the flow, or null.
  const [viewing, setViewing] = useState<FlowVersionSummary | null>(null);
  const restorer = useRestoreVersion(save);
  // Settings typed just before are applied (and autosaved) while the history is looked at.
  const openHistory = () => {
    pendingEdits.flush();
    setHistoryOpen(true);
  };
  const view = (version: FlowVersionSummary | null) => {
    pendingEdits.flush();
    setViewing(version);
  };
  const closeHistory = () => {
    setHistoryOpen(false);
    setViewing(null);
  };
  const restoreViewed = async () => {
    if (viewing && (await restorer.restore(viewing.version))) setViewing(null);
  };
  useUnsavedWarning();
  useAutosave({ save, paused: problem?.kind === 'conflict', enabled: canEdit });

  // A link to another step of the open flow (e.g. from an endpoint's Usage tab) selects it and
  // brings it into view; the step the flow opened on is framed by the canvas's first fit.
  const reveal = useRevealStep();
  const openedOn = useRef(stepParam);
  useEffect(() => {
    if (!stepParam) return;
    const state = flowStore.getState();
    state.selectStep(stepParam);
    const step = state.nodes.find((n) => n.id === stepParam);
    if (step && stepParam !== openedOn.current) reveal(step.position);
    openedOn.current = null;
  }, [flowStore, stepParam, reveal]);

  const [notice, setNotice] = useState<string | null>(null);
  const notify = useNotice(setNotice);
  const commands = useCanvasCommands(notify);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  // While a kept version is shown, the keys that edit would act on the hidden current flow: they wait.
  const editing = viewing === null;
  const whileEditing =
    <A extends unknown[]>(action: (...args: A) => void) =>
    (...args: A) => {
      if (editing) action(...args);
    };
  useEditorShortcuts({
    save: () => void save(),
    undo: whileEditing(undo),
    redo: whileEditing(redo),
    remove: whileEditing(removeSelected),
    duplicate: whileEditing(commands.duplicate),
    selectAll: whileEditing(commands.selectAll),
    showShortcuts: () => setShortcutsOpen(true),
    copy: () => (editing ? commands.copyText() : null),
    cut: whileEditing(commands.cutAfterCopy),
    paste: whileEditing((text: string) => void commands.pasteText(text, commands.pointer.current)),
  });

  return (
    <FlowContextProviders workflowId={workflowId}>
      <div className="flex h-full flex-col">
        <EditorToolbar
          flowName={flowName}
          workflowId={workflowId}
          saving={saving}
          onSave={() => void save()}
          onRun={() => setRunOpen(true)}
          onTidyUp={commands.tidyUp}
          onAddNote={() => commands.addNote()}
          onShowShortcuts={() => setShortcutsOpen(true)}
          historyOpen={historyOpen}
          onToggleHistory={historyOpen ? closeHistory : openHistory}
          viewingVersion={!editing}
        />
        {problem ? (
          <SaveProblemBanner
            problem={problem}
            onDismiss={clearProblem}
            onTakeTheirs={() => void takeTheirs()}
            onOverwrite={() => void overwriteWithMine()}
          />
        ) : null}
        <div className="flex min-h-0 flex-1">
          {canEdit && editing ? <StepsPalette /> : null}
          <div className="flex min-w-0 flex-1 flex-col">
            {viewing ? (
              <>
                <VersionBanner
                  version={viewing}
                  restoring={restorer.restoring}
                  error={restorer.error}
                  onRestore={() => void restoreViewed()}
                  onBack={() => view(null)}
                />
                <VersionCanvas key={viewing.version} flowId={flowId} workflowId={workflowId} version={viewing.version} commands={commands} />
              </>
            ) : (
              <FlowCanvas commands={commands} notice={notice} readOnly={!canEdit} />
            )}
          </div>
          {historyOpen ? (
            <HistoryPanel flowId={flowId} viewing={viewing?.version ?? null} onView={view} onClose={closeHistory} />
          ) : (
            <StepSettingsPanel workflowId={workflowId} save={save} />
          )}
        </div>
        {/* Full width, so a step's HTTP exchange has room beside the runs and steps lists. */}
        <ActivityPanel flowId={flowId} />
        <RunFlowDialog open={runOpen} onOpenChange={setRunOpen} save={save} />
        <KeyboardShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
      </div>
    </FlowContextProviders>
  );
}

/** A notice that clears itself a few seconds after the last one. */
function useNotice(set: (message: string | null) => void): (message: string) => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(
    (message: string) => {
      clearTimeout(timer.current);
      set(message);
      timer.current = setTimeout(() => set(null), 3000);
    },
    [set],
  );
}
