import type { AuthType, EndpointView } from '@flowyard/engine/schemas';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { Button } from '../ui/Button';
import { Dialog, DialogBody, DialogClose, DialogFooter } from '../ui/Dialog';
import { useConfirm } from '../ui/use-confirm';
import { EndpointForm } from './EndpointForm';

export interface EndpointDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  workflowId: string;
  /** Edit this endpoint; without it the dialog creates one. */
  endpointId?: string;
  /** Preselect and lock the authentication type (a step that needs one). */
  lockedAuthType?: AuthType;
  onSaved?(endpoint: EndpointView): void;
  initialTab?: 'settings' | 'usage';
}

/**
 * The one endpoint dialog used everywhere (SPEC §4): New Endpoint / Edit Endpoint. Closing it
 * (Close, Escape, a click outside) with unsaved edits asks first; saving closes it at once.
 */
export function EndpointDialog({ open, onOpenChange, workflowId, endpointId, lockedAuthType, onSaved, initialTab }: EndpointDialogProps) {
  const close = () => onOpenChange(false);
  const dirty = useRef(false);
  const onDirtyChange = useCallback((next: boolean) => {
    dirty.current = next;
  }, []);
  const discard = useConfirm();
  const requestOpenChange = async (next: boolean) => {
    if (!next && dirty.current) {
      const leave = await discard.ask({
        title: 'Discard unsaved changes?',
        body: <p>This endpoint has changes that are not saved. Close it and lose them?</p>,
        confirmLabel: 'Discard changes',
        cancelLabel: 'Keep editing',
        confirmVariant: 'danger',
      });
      if (!leave) return;
    }
    onOpenChange(next);
  };
  // Connect and the Test buttons store a new endpoint without closing the dialog: from then on it edits.
  const [createdId, setCreatedId] = useState<string | null>(null);
  useEffect(() => {
    if (!open) {
      setCreatedId(null);
      dirty.current = false;
    }
  }, [open]);
  const onNewSaved = (endpoint: EndpointView) => {
    setCreatedId(endpoint.id);
    onSaved?.(endpoint);
  };
  return (
    <Dialog open={open} onOpenChange={(next) => void requestOpenChange(next)} title={endpointId || createdId ? 'Edit Endpoint' : 'New Endpoint'} size="lg">
      {endpointId ? (
        <StoredEndpointForm endpointId={endpointId} initialTab={initialTab} onSaved={onSaved} onClose={close} onDirtyChange={onDirtyChange} />
      ) : (
        <EndpointForm workflowId={workflowId} lockedAuthType={lockedAuthType} onSaved={onNewSaved} onClose={close} onDirtyChange={onDirtyChange} />
      )}
      {discard.dialog}
    </Dialog>
  );
}

function StoredEndpointForm({
  endpointId,
  initialTab,
  onSaved,
  onClose,
  onDirtyChange,
}: {
  endpointId: string;
  initialTab: 'settings' | 'usage' | undefined;
  onSaved: ((endpoint: EndpointView) => void) | undefined;
  onClose(): void;
  onDirtyChange(dirty: boolean): void;
}) {
  const trpc = useTRPC();
  const endpoint = useQuery(trpc.endpoints.get.queryOptions({ id: endpointId }));
  if (!endpoint.data) {
    return (
      <>
        <DialogBody>
          {endpoint.isError ? (
            <p role="alert" className="text-sm text-red-600">
              {readApiError(endpoint.error).message}
            </p>
          ) : (
            <p className="text-sm text-zinc-500">Loading endpoint…</p>
          )}
        </DialogBody>
        <DialogFooter>
          <DialogClose asChild>
            <Button>Close</Button>
          </DialogClose>
        </DialogFooter>
      </>
    );
  }
  return (
    <EndpointForm
      // Remount when another endpoint is shown so the form starts from its values.
      key={endpoint.data.id}
      workflowId={endpoint.data.workflowId}
      endpoint={endpoint.data}
      initialTab={initialTab}
      onSaved={onSaved}
      onClose={onClose}
      onDirtyChange={onDirtyChange}
    />
  );
}
