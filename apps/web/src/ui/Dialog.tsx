import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { cn } from '../lib/cn';

export interface DialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: ReactNode;
  description?: ReactNode;
  /** Width of the panel. */
  size?: 'sm' | 'md' | 'lg';
  children: ReactNode;
}

const widths = { sm: 'max-w-sm', md: 'max-w-lg', lg: 'max-w-2xl' } as const;

/**
 * A modal dialog: title, optional description, then the caller's body and footer. Focus starts in
 * the element marked `data-autofocus`, if any.
 */
export function Dialog({ open, onOpenChange, title, description, size = 'md', children }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[1px]" />
        <RadixDialog.Content
          // Radix warns without a description; ours is optional.
          {...(description ? {} : { 'aria-describedby': undefined })}
          onOpenAutoFocus={(event) => {
            // Start in the field marked data-autofocus (e.g. Name) rather than the first tab or button.
            const target = event.currentTarget;
            const preferred = target instanceof HTMLElement ? target.querySelector<HTMLElement>('[data-autofocus]') : null;
            if (preferred) {
              event.preventDefault();
              preferred.focus();
            }
          }}
          className={cn(
            'fixed top-1/2 left-1/2 z-50 flex max-h-[88vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col',
            'rounded-xl border border-zinc-200 bg-white shadow-2xl focus:outline-none',
            widths[size],
          )}
        >
          <div className="border-b border-zinc-100 px-5 pt-4 pb-3">
            <RadixDialog.Title className="text-base font-semibold text-zinc-900">{title}</RadixDialog.Title>
            {description ? (
              <RadixDialog.Description className="mt-1 text-sm text-zinc-500">{description}</RadixDialog.Description>
            ) : null}
          </div>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** The scrolling middle of a dialog. */
export function DialogBody({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn('min-h-0 flex-1 overflow-y-auto px-5 py-4', className)}>{children}</div>;
}

/** The button row at the bottom of a dialog. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return (
    <div className="flex items-center justify-end gap-2 rounded-b-xl border-t border-zinc-100 bg-zinc-50 px-5 py-3">
      {children}
    </div>
  );
}

/** Wraps a button so that clicking it closes the surrounding dialog. */
export const DialogClose = RadixDialog.Close;
