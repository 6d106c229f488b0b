import * as ContextMenu from '@radix-ui/react-context-menu';
import type { MouseEvent, ReactNode } from 'react';
import { cn } from '../lib/cn';

export type CanvasMenuTarget = 'selection' | 'canvas';

export interface CanvasMenuActions {
  copy(): void;
  cut(): void;
  paste(): void;
  duplicate(): void;
  remove(): void;
  selectAll(): void;
  tidyUp(): void;
  addNote(): void;
}

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/**
 * The right-click menu of the canvas: on a step or note it acts on the selection (the clicked one
 * is selected first); on the empty canvas it offers what adds or arranges.
 */
export function CanvasContextMenu({ target, actions, children, onOpen }: { target: CanvasMenuTarget; actions: CanvasMenuActions; children: ReactNode; onOpen(event: MouseEvent): void }) {
  return (
    <ContextMenu.Root modal={false}>
      <ContextMenu.Trigger asChild onContextMenu={onOpen}>
        {children}
      </ContextMenu.Trigger>
      <ContextMenu.Portal>
        <ContextMenu.Content
          aria-label={target === 'selection' ? 'Step actions' : 'Canvas actions'}
          className="z-50 min-w-48 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg"
        >
          {target === 'selection' ? (
            <>
              <Item label="Copy" shortcut={`${mod}C`} onSelect={actions.copy} />
              <Item label="Cut" shortcut={`${mod}X`} onSelect={actions.cut} />
              <Item label="Paste" shortcut={`${mod}V`} onSelect={actions.paste} />
              <Item label="Duplicate" shortcut={`${mod}D`} onSelect={actions.duplicate} />
              <Item label="Delete" shortcut="Del" onSelect={actions.remove} danger />
            </>
          ) : (
            <>
              <Item label="Paste" shortcut={`${mod}V`} onSelect={actions.paste} />
              <Item label="Select all" shortcut={`${mod}A`} onSelect={actions.selectAll} />
            </>
          )}
          <ContextMenu.Separator className="my-1 h-px bg-zinc-100" />
          <Item label="Tidy up" onSelect={actions.tidyUp} />
          <Item label="Add note" onSelect={actions.addNote} />
        </ContextMenu.Content>
      </ContextMenu.Portal>
    </ContextMenu.Root>
  );
}

function Item({ label, shortcut, onSelect, danger = false }: { label: string; shortcut?: string; onSelect(): void; danger?: boolean }) {
  return (
    <ContextMenu.Item
      onSelect={onSelect}
      className={cn(
        'flex cursor-default items-center gap-6 rounded-md px-2.5 py-1.5 text-sm outline-none select-none data-[highlighted]:bg-zinc-100',
        danger ? 'text-red-700' : 'text-zinc-800',
      )}
    >
      <span className="flex-1">{label}</span>
      {shortcut ? (
        <span aria-hidden className="text-xs text-zinc-400">
          {shortcut}
        </span>
      ) : null}
    </ContextMenu.Item>
  );
}
