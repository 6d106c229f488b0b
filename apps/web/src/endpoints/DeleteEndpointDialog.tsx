import { endpointUsageSchema, refusedDeleteSample, type EndpointView } from '@flowyard/engine/schemas';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { ConfirmDialog } from '../ui/AlertDialog';
import { Button } from '../ui/Button';
import { z } from 'zod';
import { IntegrationUsageLinks } from './IntegrationUsageLinks';
import { ScriptUsageLinks } from './ScriptUsageLinks';
import { formatCount, splitUsage } from './usage-link';
import { UsageLinks } from './UsageLinks';
import { useInvalidateEndpoints } from './use-endpoints';

export interface DeleteEndpointDialogProps {
  /** The endpoint to delete; null keeps the dialog closed. */
  endpoint: EndpointView | null;
  onClose(): void;
  /** Opens the endpoint's full Usage list (a refusal shows only the first few uses). */
  onShowUsage?(endpoint: EndpointView): void;
}

// What a refusal carries: the first few uses, how many there are and of which kinds.
const refusalSchema = z.object({ usage: endpointUsageSchema.array(), total: z.number().int(), counts: z.record(z.string(), z.number().int()) });

/**
 * Deleting an endpoint: its usage is looked up as the dialog opens, so a used endpoint is refused
 * at once with links to every step and script that uses it, and only an unused one asks to confirm.
 * The API still decides: a use that appeared meanwhile comes back as ENDPOINT_IN_USE, shown the same way.
 */
export function DeleteEndpointDialog({ endpoint, onClose, onShowUsage }: DeleteEndpointDialogProps) {
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
    ...trpc.endpoints.usage.queryOptions({ id: endpoint?.id ?? '', limit: refusedDeleteSample }),
    enabled: endpoint !== null,
    staleTime: 0,
    refetchOnMount: 'always',
  });
  const error = remove.error ? readApiError(remove.error) : null;
  const refused = error?.code === 'ENDPOINT_IN_USE' ? refusalSchema.safeParse(error.details) : null;
  const usage = refused?.success
    ? { items: refused.data.usage, total: refused.data.total, counts: refused.data.counts }
    : current.data && current.data.total > 0
      ? current.data
      : refused
        ? { items: [], total: 0, counts: {} }
        : null;
  const uses = usage ? splitUsage(usage.items) : null;
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
            <strong className="font-semibold">{name}</strong> cannot be deleted because it is used by {usedBy(usage.counts, usage.total)}. Remove it from
            these first:
          </p>
          {uses && uses.steps.length > 0 ? <UsageLinks usage={uses.steps} onNavigate={onClose} /> : null}
          {uses && uses.scripts.length > 0 ? <ScriptUsageLinks scripts={uses.scripts} onNavigate={onClose} /> : null}
          {uses && uses.integrations.length > 0 ? <IntegrationUsageLinks integrations={uses.integrations} onNavigate={onClose} /> : null}
          {endpoint && onShowUsage && usage.total > usage.items.length ? (
            <div>
              <Button size="sm" onClick={() => onShowUsage(endpoint)}>
                See all {formatCount(usage.total, 'use', 'uses')}
              </Button>
            </div>
          ) : null}
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

/** "2 steps", "1 script", "10,000 steps and 2 scripts"; other kinds of use are counted as uses. */
function usedBy(counts: Record<string, number>, total: number): string {
  const steps = counts.step ?? 0;
  const scripts = counts.script ?? 0;
  const integrations = counts.integration ?? 0;
  const others = total - steps - scripts - integrations;
  const parts = [
    steps > 0 ? formatCount(steps, 'step', 'steps') : null,
    scripts > 0 ? formatCount(scripts, 'script', 'scripts') : null,
    integrations > 0 ? formatCount(integrations, 'integration', 'integrations') : null,
    others > 0 ? formatCount(others, 'other use', 'other uses') : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? 'some steps' : parts.join(' and ');
}
