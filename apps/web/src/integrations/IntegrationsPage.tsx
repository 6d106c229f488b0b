import type { IntegrationView } from '@flowyard/engine/schemas';
import { useMutation } from '@tanstack/react-query';
import { Plug, Plus } from 'lucide-react';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useCan } from '../auth/session-context';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { useCurrentWorkflow } from '../shell/use-workflow';
import { Button } from '../ui/Button';
import { EmptyState, Page, PageHeader } from '../ui/Page';
import { DeleteIntegrationDialog } from './DeleteIntegrationDialog';
import { integrationsHref } from './integration-links';
import { IntegrationList } from './IntegrationList';
import { useIntegrations, useInvalidateIntegrations } from './use-integrations';
import { useWorkflowFlows } from './use-workflow-flows';

/** Integration Builder → Integrations: the workflow's inbound and outbound integrations. */
export function IntegrationsPage() {
  useDocumentTitle('Integrations');
  const [, navigate] = useLocation();
  const trpc = useTRPC();
  const canEdit = useCan('flows.edit');
  const canViewLog = useCan('runs.view');
  const workflow = useCurrentWorkflow();
  const integrations = useIntegrations(workflow.workflowId);
  const { names: flowNames } = useWorkflowFlows(workflow.workflowId);
  const invalidate = useInvalidateIntegrations();
  const [deleting, setDeleting] = useState<IntegrationView | null>(null);
  const toggle = useMutation(trpc.integrations.update.mutationOptions({ onSettled: () => void invalidate() }));
  const error = workflow.error ?? integrations.error ?? toggle.error;
  const sorted = integrations.data ? [...integrations.data].sort((a, b) => a.integration.name.localeCompare(b.integration.name)) : undefined;
  const inbound = sorted?.filter((view) => view.integration.kind === 'inbound') ?? [];
  const outbound = sorted?.filter((view) => view.integration.kind === 'outbound') ?? [];
  const editing = canEdit
    ? {
        onToggle: (view: IntegrationView) => toggle.mutate({ id: view.id, integration: { ...view.integration, enabled: !view.integration.enabled } }),
        onDelete: setDeleting,
        pendingId: toggle.isPending ? (toggle.variables?.id ?? null) : null,
      }
    : {};

  return (
    <Page>
      <PageHeader
        title="Integrations"
        breadcrumb={
          <Link href="/integration-builder" className="hover:text-zinc-900 hover:underline">
            Integration Builder
          </Link>
        }
        description="Inbound integrations give other systems a URL whose script starts flows; outbound integrations run a script when runs end or steps fail."
        actions={
          canEdit ? (
            <>
              <Button icon={<Plus aria-hidden className="size-4" />} disabled={!workflow.workflowId} onClick={() => navigate(`${integrationsHref}/new/inbound`)}>
                New Inbound Integration
              </Button>
              <Button variant="primary" icon={<Plus aria-hidden className="size-4" />} disabled={!workflow.workflowId} onClick={() => navigate(`${integrationsHref}/new/outbound`)}>
                New Outbound Integration
              </Button>
            </>
          ) : null
        }
      />
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {readApiError(error).message}
        </p>
      ) : null}
      {!sorted ? (
        integrations.isPending && !error ? <p className="text-sm text-zinc-500">Loading integrations…</p> : null
      ) : (
        <>
          <section aria-labelledby="integrations-inbound" className="flex flex-col gap-2">
            <h2 id="integrations-inbound" className="text-base font-semibold text-zinc-900">
              Inbound
            </h2>
            {inbound.length === 0 ? (
              <EmptyState icon={<Plug aria-hidden className="size-8" />} title="No inbound integrations yet">
                Give another system a URL: its calls run a script that can start flows.
              </EmptyState>
            ) : (
              <IntegrationList label="Inbound integrations" integrations={inbound} flowNames={flowNames} canViewLog={canViewLog} {...editing} />
            )}
          </section>
          <section aria-labelledby="integrations-outbound" className="flex flex-col gap-2">
            <h2 id="integrations-outbound" className="text-base font-semibold text-zinc-900">
              Outbound
            </h2>
            {outbound.length === 0 ? (
              <EmptyState icon={<Plug aria-hidden className="size-8" />} title="No outbound integrations yet">
                Tell another system when runs end or steps fail, e.g. post failures to a chat channel.
              </EmptyState>
            ) : (
              <IntegrationList label="Outbound integrations" integrations={outbound} flowNames={flowNames} canViewLog={canViewLog} {...editing} />
            )}
          </section>
        </>
      )}
      {/* Keyed so an error shown for one integration is not shown for the next. */}
      <DeleteIntegrationDialog key={deleting?.id ?? 'none'} integration={deleting} onClose={() => setDeleting(null)} />
    </Page>
  );
}
