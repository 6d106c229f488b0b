import type { FlowSummary } from '@flowyard/engine/schemas';
import { useMutation } from '@tanstack/react-query';
import { useInvalidateEndpoints } from '../endpoints/use-endpoints';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { ConfirmDialog } from '../ui/AlertDialog';
import { useInvalidateFlows } from './use-flows';

/** Confirms deleting a flow (and with it its runs and its endpoint references). */
export function DeleteFlowDialog({ flow, onClose }: { flow: FlowSummary | null; onClose(): void }) {
  const trpc = useTRPC();
  const invalidateFlows = useInvalidateFlows();
  const invalidateEndpoints = useInvalidateEndpoints();
  const remove = useMutation(
    trpc.flows.delete.mutationOptions({
      onSuccess: () => {
        void invalidateFlows();
        // Its steps no longer use their endpoints.
        void invalidateEndpoints();
        onClose();
      },
    }),
  );
  return (
    <ConfirmDialog
      open={flow !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Delete Flow"
      confirmLabel="Delete Flow"
      pending={remove.isPending}
      onConfirm={() => {
        if (flow) remove.mutate({ id: flow.id });
      }}
    >
      <div className="flex flex-col gap-3">
        <p>
          Delete the flow <strong className="font-semibold text-zinc-900">{flow?.name}</strong> and its run history? This
          cannot be undone.
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
