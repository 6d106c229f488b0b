import { Plus } from 'lucide-react';
import { useCan } from '../auth/session-context';
import { readApiError } from '../lib/trpc-error';
import { Button } from '../ui/Button';
import { Dialog, DialogBody, DialogClose, DialogFooter } from '../ui/Dialog';
import { EndpointList } from './EndpointList';
import { useEndpointEditor } from './use-endpoint-editor';
import { useEndpoints } from './use-endpoints';

export interface EndpointsListDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  workflowId: string;
}

/** The workflow's endpoints in a dialog (from a Components menu): add, open, delete. */
export function EndpointsListDialog({ open, onOpenChange, workflowId }: EndpointsListDialogProps) {
  const endpoints = useEndpoints(open ? workflowId : undefined);
  const editor = useEndpointEditor(workflowId);
  const canEdit = useCan('flows.edit');
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Endpoints" description="Base URLs and credentials your steps call." size="lg">
      <DialogBody className="flex flex-col gap-3">
        {canEdit ? (
          <div className="flex justify-end">
            <Button variant="primary" size="sm" icon={<Plus aria-hidden className="size-4" />} onClick={editor.openNew}>
              Add Endpoint
            </Button>
          </div>
        ) : null}
        {endpoints.isError ? (
          <p role="alert" className="text-sm text-red-600">
            {readApiError(endpoints.error).message}
          </p>
        ) : !endpoints.data ? (
          <p className="text-sm text-zinc-500">Loading endpoints…</p>
        ) : endpoints.data.length === 0 ? (
          <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-500">
            No endpoints yet.
          </p>
        ) : (
          <EndpointList endpoints={endpoints.data} onOpen={editor.open} {...(canEdit ? { onDelete: editor.confirmDelete } : {})} />
        )}
        {editor.dialogs}
      </DialogBody>
      <DialogFooter>
        <DialogClose asChild>
          <Button>Close</Button>
        </DialogClose>
      </DialogFooter>
    </Dialog>
  );
}
