import * as RadixAlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactNode } from 'react';
import { Button, type ButtonVariant } from './Button';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  /** The question or explanation; may be replaced by an error explanation after a refused action. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  pending?: boolean;
  /** Hide the confirm button (e.g. once the action is known to be refused). */
  confirmHidden?: boolean;
  cancelLabel?: string;
  /** Danger for destructive actions (the default); primary for a question that destroys nothing. */
  confirmVariant?: ButtonVariant;
}

/**
 * A confirmation `alertdialog` for destructive actions. The confirm button does not close it by
 * itself: the caller closes it when the action succeeded, so a refusal can be explained in place.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  onConfirm,
  pending = false,
  confirmHidden = false,
  cancelLabel = 'Cancel',
  confirmVariant = 'danger',
}: ConfirmDialogProps) {
  return (
    <RadixAlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixAlertDialog.Portal>
        <RadixAlertDialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40" />
        <RadixAlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl border border-zinc-200 bg-white shadow-2xl focus:outline-none">
          <div className="px-5 pt-5 pb-4">
            <RadixAlertDialog.Title className="text-base font-semibold text-zinc-900">{title}</RadixAlertDialog.Title>
            <RadixAlertDialog.Description asChild>
              <div className="mt-2 text-sm text-zinc-600">{children}</div>
            </RadixAlertDialog.Description>
          </div>
          <div className="flex justify-end gap-2 rounded-b-xl border-t border-zinc-100 bg-zinc-50 px-5 py-3">
            <RadixAlertDialog.Cancel asChild>
              <Button>{cancelLabel}</Button>
            </RadixAlertDialog.Cancel>
            {confirmHidden ? null : (
              <Button variant={confirmVariant} disabled={pending} onClick={onConfirm}>
                {confirmLabel}
              </Button>
            )}
          </div>
        </RadixAlertDialog.Content>
      </RadixAlertDialog.Portal>
    </RadixAlertDialog.Root>
  );
}
