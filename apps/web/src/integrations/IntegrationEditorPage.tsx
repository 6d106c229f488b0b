import { integrationKindSchema } from '@flowyard/engine/schemas';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { z } from 'zod';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { useCurrentWorkflow } from '../shell/use-workflow';
import { Page } from '../ui/Page';
import { kindLabels } from './integration-form';
import { integrationsHref } from './integration-links';
import { IntegrationEditorForm } from './IntegrationEditorForm';

/** `/integration-builder/integrations/new/:kind`: a new inbound or outbound integration. */
export function NewIntegrationPage() {
  const { kind: kindParam = '' } = useParams<{ kind: string }>();
  const kind = integrationKindSchema.safeParse(kindParam);
  useDocumentTitle(kind.success ? `New ${kindLabels[kind.data]} Integration` : 'Integrations');
  const workflow = useCurrentWorkflow();
  return (
    <Page wide>
      {!kind.success ? (
        <NotFound message="There is no such kind of integration." />
      ) : workflow.workflowId ? (
        // Keyed by kind so switching between the two "new" pages starts afresh.
        <IntegrationEditorForm key={kind.data} workflowId={workflow.workflowId} kind={kind.data} />
      ) : workflow.error ? (
        <p role="alert" className="text-sm text-red-600">
          {readApiError(workflow.error).message}
        </p>
      ) : (
        <p className="text-sm text-zinc-500">Loading…</p>
      )}
    </Page>
  );
}

const justSavedState = z.object({ justSaved: z.literal(true) });

/** `/integration-builder/integrations/:id`: edit a stored integration. */
export function EditIntegrationPage() {
  const { id = '' } = useParams<{ id: string }>();
  const trpc = useTRPC();
  // Start from what is stored, not from a cached copy.
  const stored = useQuery(trpc.integrations.get.queryOptions({ id }, { refetchOnMount: 'always', staleTime: 0 }));
  useDocumentTitle(stored.data?.integration.name ?? 'Integration');
  return (
    <Page wide>
      {stored.error ? (
        <NotFound message={readApiError(stored.error).code === 'NOT_FOUND' ? 'This integration does not exist.' : readApiError(stored.error).message} />
      ) : !stored.data || !stored.isFetchedAfterMount ? (
        <p className="text-sm text-zinc-500">Loading integration…</p>
      ) : (
        // Keyed by id so another integration starts from its own values.
        <IntegrationEditorForm
          key={stored.data.id}
          workflowId={stored.data.workflowId}
          stored={stored.data}
          kind={stored.data.integration.kind}
          justSaved={justSavedState.safeParse(window.history.state).success}
        />
      )}
    </Page>
  );
}

function NotFound({ message }: { message: string }) {
  return (
    <div className="flex flex-col items-start gap-2">
      <p role="alert" className="text-sm text-red-600">
        {message}
      </p>
      <Link href={integrationsHref} className="text-sm text-indigo-700 hover:underline">
        Back to integrations
      </Link>
    </div>
  );
}
