import type { IntegrationView } from '@flowyard/engine/schemas';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { ConfirmDialog } from '../ui/AlertDialog';
import { useInvalidateIntegrations } from './use-integrations';

export interface DeleteIntegrationDialogProps {
  /** The integration to delete; null keeps the dialog closed. */
  integration: IntegrationView | null;
  onClose(): void;
  onDeleted?(): void;
}

/** Deleting an integration, after a confirm: an inbound one's URL stops answering at once. */
export function DeleteIntegrationDialog({ integration, onClose, onDeleted }: DeleteIntegrationDialogProps) {
  const trpc = useTRPC();
  const invalidate = useInvalidateIntegrations();
  const remove = useMutation(
    trpc.integrations.delete.mutationOptions({
      onSuccess: () => {
        void invalidate();
        onClose();
        onDeleted?.();
      },
    }),
  );
  const name = integration?.integration.name ?? '';
  return (
    <ConfirmDialog
      open={integration !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Delete Integration"
      confirmLabel="Delete Integration"
      pending={remove.isPending}
      onConfirm={() => {
        if (integration) remove.mutate({ id: integration.id });
      }}
    >
      <div className="flex flex-col gap-3">
        <p>
          Delete the integration <strong className="font-semibold text-zinc-900">{name}</strong> and its log?{' '}
          {integration?.integration.kind === 'inbound' ? 'Its URL stops answering at once. ' : 'It stops reacting to events at once. '}
          This cannot be undone.
        </p>
        {remove.error ? (
          <p role="alert" className="text-red-700">
            {readApiError(remove.error).message}
          </p>
        ) : null}
      </div>
    </ConfirmDialog>
  );
}
