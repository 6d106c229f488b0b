import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { ButtonVariant } from './Button';
import { ConfirmDialog } from './AlertDialog';

/** One question: its title, text and the two answers' labels. */
export interface ConfirmRequest {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  confirmVariant?: ButtonVariant;
}

export interface Confirm {
  /** Shows the question; resolves true for the confirm button, false for cancel, Escape or closing. */
  ask(request: ConfirmRequest): Promise<boolean>;
  /** The question's alertdialog; render it where the asking component renders. */
  dialog: ReactNode;
}

/** Asks a yes/no question in an alertdialog and waits for the answer. */
export function useConfirm(): Confirm {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);

  const ask = useCallback(
    (next: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        answer.current?.(false);
        answer.current = resolve;
        setRequest(next);
      }),
    [],
  );
  const settle = (yes: boolean) => {
    setRequest(null);
    answer.current?.(yes);
    answer.current = null;
  };

  const dialog = (
    <ConfirmDialog
      open={request !== null}
      onOpenChange={(open) => {
        if (!open) settle(false);
      }}
      title={request?.title ?? ''}
      confirmLabel={request?.confirmLabel ?? ''}
      cancelLabel={request?.cancelLabel}
      confirmVariant={request?.confirmVariant ?? 'primary'}
      onConfirm={() => settle(true)}
    >
      {request?.body}
    </ConfirmDialog>
  );
  return { ask, dialog };
}
