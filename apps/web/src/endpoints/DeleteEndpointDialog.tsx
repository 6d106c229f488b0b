import { endpointUsageSchema, type EndpointView } from '@flowyard/engine/schemas';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { ConfirmDialog } from '../ui/AlertDialog';
import { ScriptUsageLinks } from './ScriptUsageLinks';
import { splitUsage } from './usage-link';
import { UsageLinks } from './UsageLinks';
import { useInvalidateEndpoints } from './use-endpoints';

export interface DeleteEndpointDialogProps {
  /** The endpoint to delete; null keeps the dialog closed. */
  endpoint: EndpointView | null;
  onClose(): void;
}

/**
 * Deleting an endpoint: its usage is looked up as the dialog opens, so a used endpoint is refused
 * at once with links to every step and script that uses it, and only an unused one asks to confirm.
 * The API still decides: a use that appeared meanwhile comes back as ENDPOINT_IN_USE, shown the same way.
 */
export function DeleteEndpointDialog({ endpoint, onClose }: DeleteEndpointDialogProps) {
  const trpc = useTRPC();
  const invalidateEndpoints = useInvalidateEndpoints();
  const remove = useMutation(
    trpc.endpoints.delete.mutationOptions({
      onSuccess: () => {
        void invalidateEndpoints();
        onClose();
      },
      // A refusal may mean our list is stale (someone started using it); refresh the counts.
      onError: () => void invalidateEndpoints(),
    }),
  );
  const current = useQuery({
    ...trpc.endpoints.usage.queryOptions({ id: endpoint?.id ?? '' }),
    enabled: endpoint !== null,
    staleTime: 0,
    refetchOnMount: 'always',
  });
  const error = remove.error ? readApiError(remove.error) : null;
  const refused = error?.code === 'ENDPOINT_IN_USE' ? endpointUsageSchema.array().safeParse(error.details.usage) : null;
  const usage = refused ?? (current.data && current.data.length > 0 ? { success: true as const, data: current.data } : null);
  const uses = usage?.success ? splitUsage(usage.data) : null;
  const checking = usage === null && current.isPending;
  const name = endpoint?.name ?? '';

  return (
    <ConfirmDialog
      open={endpoint !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Delete Endpoint"
      confirmLabel="Delete Endpoint"
      confirmHidden={usage !== null || checking}
      pending={remove.isPending}
      onConfirm={() => {
        if (endpoint) remove.mutate({ id: endpoint.id });
      }}
    >
      {usage !== null ? (
        <div className="flex flex-col gap-3">
          <p role="alert" className="text-red-700">
            <strong className="font-semibold">{name}</strong> cannot be deleted because it is used by{' '}
            {uses ? usedBy(uses.steps.length, uses.scripts.length) : 'some steps'}. Remove it from these first:
          </p>
          {uses && uses.steps.length > 0 ? <UsageLinks usage={uses.steps} onNavigate={onClose} /> : null}
          {uses && uses.scripts.length > 0 ? <ScriptUsageLinks scripts={uses.scripts} onNavigate={onClose} /> : null}
        </div>
      ) : checking ? (
        <p>
          Checking where <strong className="font-semibold text-zinc-900">{name}</strong> is used…
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          <p>
            Delete the endpoint <strong className="font-semibold text-zinc-900">{name}</strong>? This cannot be undone.
          </p>
          {error ? (
            <p role="alert" className="text-red-700">
              {error.message}
            </p>
          ) : null}
        </div>
      )}
    </ConfirmDialog>
  );
}

/** "2 steps", "1 script", "1 step and 2 scripts". */
function usedBy(steps: number, scripts: number): string {
  const parts = [
    steps > 0 ? `${steps} ${steps === 1 ? 'step' : 'steps'}` : null,
    scripts > 0 ? `${scripts} ${scripts === 1 ? 'script' : 'scripts'}` : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? 'some steps' : parts.join(' and ');
}
