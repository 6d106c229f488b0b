import type { FlowSummary } from '@flowyard/engine/schemas';
import { skipToken, useMutation, useQuery } from '@tanstack/react-query';
import { Plug } from 'lucide-react';
import { Link } from 'wouter';
import { useInvalidateEndpoints } from '../endpoints/use-endpoints';
import { integrationHref } from '../integrations/integration-links';
import { useInvalidateIntegrations } from '../integrations/use-integrations';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { ConfirmDialog } from '../ui/AlertDialog';
import { useInvalidateFlows } from './use-flows';

/**
 * Deleting a flow (and with it its runs and its endpoint references). The workflow's integrations
 * are looked up as the dialog opens, so a flow that outbound integrations are triggered by is
 * refused at once, naming each as a link; only a deletable one asks to confirm. The API still
 * refuses one set up meanwhile (CONFLICT), and the list is then fetched again.
 */
export function DeleteFlowDialog({ flow, onClose }: { flow: FlowSummary | null; onClose(): void }) {
  const trpc = useTRPC();
  const invalidateFlows = useInvalidateFlows();
  const invalidateEndpoints = useInvalidateEndpoints();
  const invalidateIntegrations = useInvalidateIntegrations();
  const remove = useMutation(
    trpc.flows.delete.mutationOptions({
      onSuccess: () => {
        void invalidateFlows();
        // Its steps no longer use their endpoints.
        void invalidateEndpoints();
        onClose();
      },
      onError: () => void invalidateIntegrations(),
    }),
  );
  const integrations = useQuery({
    ...trpc.integrations.list.queryOptions(flow === null ? skipToken : { workflowId: flow.workflowId }),
    staleTime: 0,
    refetchOnMount: 'always',
  });
  const triggering = (integrations.data ?? []).filter(({ integration }) => integration.kind === 'outbound' && integration.trigger.flowId === flow?.id);
  // A failed lookup does not block: the API refuses what it must.
  const checking = flow !== null && integrations.isPending;
  const refused = triggering.length > 0;
  return (
    <ConfirmDialog
      open={flow !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Delete Flow"
      confirmLabel="Delete Flow"
      confirmHidden={refused || checking}
      pending={remove.isPending}
      onConfirm={() => {
        if (flow) remove.mutate({ id: flow.id });
      }}
    >
      {refused ? (
        <div className="flex flex-col gap-3">
          <p role="alert" className="text-red-700">
            <strong className="font-semibold">{flow?.name}</strong> cannot be deleted because{' '}
            {triggering.length === 1 ? 'an outbound integration is' : `${triggering.length} outbound integrations are`} triggered by its runs. Change their
            trigger or delete them first:
          </p>
          <ul aria-label="Integrations triggered by this flow" className="divide-y divide-zinc-100 rounded-md border border-zinc-200">
            {triggering.map((view) => (
              <li key={view.id} className="flex items-center gap-2 px-3 py-2 text-sm">
                <Plug aria-hidden className="size-4 shrink-0 text-zinc-400" />
                <Link href={integrationHref(view.id)} onClick={onClose} className="text-indigo-700 hover:underline">
                  {view.integration.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : checking ? (
        <p>
          Checking what uses <strong className="font-semibold text-zinc-900">{flow?.name}</strong>…
        </p>
      ) : (
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
      )}
    </ConfirmDialog>
  );
}
