import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import { cn } from '../../lib/cn';
import { useCanvasReadOnly } from '../canvas-read-only-context';
import { useFlowStoreApi } from '../flow-store-context';
import { NoteText } from './note-text';

export type NoteNodeData = { text: string };
export type NoteViewNode = Node<NoteNodeData, 'note'>;

/**
 * A sticky note: shows its text (markdown-ish), edited in place on double-click or Enter, resized
 * from its corners when selected. Never connected, never run.
 */
export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<NoteViewNode>) {
  const store = useFlowStoreApi();
  const readOnly = useCanvasReadOnly();
  const [editing, setEditing] = useState(!readOnly && data.text === '');
  const [draft, setDraft] = useState(data.text);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!editing) setDraft(data.text);
  }, [data.text, editing]);
  useEffect(() => {
    if (editing && selected) field.current?.focus();
  }, [editing, selected]);

  const finish = () => {
    setEditing(false);
    if (draft !== data.text) store.getState().setNoteText(id, draft);
  };

  return (
    <div
      aria-label="Note"
      role="group"
      onDoubleClick={() => setEditing(!readOnly)}
      onKeyDown={(event) => {
        if (!editing && !readOnly && event.key === 'Enter') {
          event.preventDefault();
          setEditing(true);
        }
      }}
      className={cn(
        'h-full w-full overflow-hidden rounded-lg border bg-amber-50 px-3 py-2 text-xs leading-relaxed text-amber-950 shadow-sm',
        selected ? 'border-amber-500 ring-2 ring-amber-400/40' : 'border-amber-200',
      )}
    >
      <NodeResizer isVisible={selected && !readOnly} minWidth={80} minHeight={40} lineClassName="!border-amber-400" handleClassName="!size-2.5 !rounded-sm !border-amber-500 !bg-white" />
      {editing ? (
        <textarea
          ref={field}
          aria-label="Note text"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={finish}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              finish();
            }
          }}
          placeholder="Write a note… (# heading, - bullet, **bold**)"
          maxLength={10_000}
          className="nodrag nowheel h-full w-full resize-none bg-transparent outline-none placeholder:text-amber-700/60"
        />
      ) : (
        <div className="flex flex-col gap-0.5">{data.text === '' ? <p className="text-amber-700/60 italic">Empty note</p> : <NoteText text={data.text} />}</div>
      )}
    </div>
  );
});
