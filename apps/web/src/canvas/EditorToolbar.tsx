import { ArrowLeft, Check, CircleDot, History, Keyboard, Loader2, Network, Play, Redo2, Save, StickyNote, Trash2, Undo2 } from 'lucide-react';
import { Link } from 'wouter';
import { useCan } from '../auth/session-context';
import { ComponentsMenu } from '../endpoints/ComponentsMenu';
import { Button, IconButton } from '../ui/Button';
import { useEditorActions } from './editor-actions';
import { useFlowStore } from './flow-store-context';

export interface EditorToolbarProps {
  flowName: string;
  workflowId: string;
  saving: boolean;
  onSave(): void;
  onRun(): void;
  onTidyUp(): void;
  onAddNote(): void;
  onShowShortcuts(): void;
  /** Whether the History panel is open. */
  historyOpen: boolean;
  onToggleHistory(): void;
  /** A kept version is on the canvas: the editing tools wait until the person goes back to current. */
  viewingVersion: boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

function SaveState({ saving }: { saving: boolean }) {
  const dirty = useFlowStore((s) => s.dirty);
  if (saving) {
    return (
      <span role="status" className="inline-flex items-center gap-1.5 text-xs text-zinc-500">
        <Loader2 aria-hidden className="size-3.5 animate-spin" />
        Saving…
      </span>
    );
  }
  return dirty ? (
    <span role="status" className="inline-flex items-center gap-1.5 text-xs font-medium text-amber-700">
      <CircleDot aria-hidden className="size-3.5" />
      Unsaved changes
    </span>
  ) : (
    <span role="status" className="inline-flex items-center gap-1.5 text-xs text-emerald-700">
      <Check aria-hidden className="size-3.5" />
      Saved
    </span>
  );
}

/** The canvas toolbar: flow name and save state, editing actions, Components and Run. */
export function EditorToolbar(props: EditorToolbarProps) {
  const { flowName, workflowId, saving, onSave, onRun, onTidyUp, onAddNote, onShowShortcuts, historyOpen, onToggleHistory, viewingVersion } = props;
  const canUndo = useFlowStore((s) => s.past.length > 0) && !viewingVersion;
  const canRedo = useFlowStore((s) => s.future.length > 0) && !viewingVersion;
  const hasSelection = useFlowStore((s) => s.nodes.some((n) => n.selected) || s.edges.some((e) => e.selected) || s.notes.some((n) => n.selected)) && !viewingVersion;
  const canEdit = useCan('flows.edit');
  const { undo, redo, removeSelected } = useEditorActions();

  return (
    <div className="flex h-12 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-3">
      <Link href="/flows" className="inline-flex size-8 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900" aria-label="Back to flows">
        <ArrowLeft aria-hidden className="size-4" />
      </Link>
      <h1 className="max-w-80 truncate text-sm font-semibold text-zinc-900" title={flowName}>
        {flowName}
      </h1>
      {canEdit ? <SaveState saving={saving} /> : <span className="text-xs text-zinc-500">Read only</span>}

      {canEdit ? (
        <div className="ml-auto flex items-center gap-1">
          <Button size="sm" variant="ghost" title={`Undo (${mod}Z)`} disabled={!canUndo} onClick={undo} icon={<Undo2 aria-hidden className="size-4" />}>
            Undo
          </Button>
          <Button size="sm" variant="ghost" title={`Redo (${mod}Shift+Z)`} disabled={!canRedo} onClick={redo} icon={<Redo2 aria-hidden className="size-4" />}>
            Redo
          </Button>
          <Button size="sm" variant="ghost" title="Delete the selection (Delete)" disabled={!hasSelection} onClick={removeSelected} icon={<Trash2 aria-hidden className="size-4" />}>
            Delete
          </Button>
          <span aria-hidden className="mx-1.5 h-5 w-px bg-zinc-200" />
          <Button size="sm" variant="ghost" title="Arrange the steps top to bottom (undoable)" disabled={viewingVersion} onClick={onTidyUp} icon={<Network aria-hidden className="size-4" />}>
            Tidy up
          </Button>
          <Button size="sm" variant="ghost" title="Add a sticky note" disabled={viewingVersion} onClick={onAddNote} icon={<StickyNote aria-hidden className="size-4" />}>
            Note
          </Button>
          <IconButton label="Keyboard shortcuts" icon={<Keyboard aria-hidden className="size-4" />} onClick={onShowShortcuts} />
          <Button
            size="sm"
            variant="ghost"
            title="Saved versions of this flow"
            aria-pressed={historyOpen}
            onClick={onToggleHistory}
            className={historyOpen ? 'bg-zinc-100 text-zinc-900' : undefined}
            icon={<History aria-hidden className="size-4" />}
          >
            History
          </Button>
          <span aria-hidden className="mx-1.5 h-5 w-px bg-zinc-200" />
          <ComponentsMenu workflowId={workflowId} />
          <Button size="md" title={`Save (${mod}S)`} disabled={saving} onClick={onSave} icon={<Save aria-hidden className="size-4" />}>
            Save
          </Button>
          <Button size="md" variant="primary" onClick={onRun} icon={<Play aria-hidden className="size-4" />}>
            Run
          </Button>
        </div>
      ) : null}
    </div>
  );
}
