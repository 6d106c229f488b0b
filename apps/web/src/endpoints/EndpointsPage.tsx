import { Globe, Plus } from 'lucide-react';
import { Link } from 'wouter';
import { useCan } from '../auth/session-context';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { useCurrentWorkflow } from '../shell/use-workflow';
import { Button } from '../ui/Button';
import { EmptyState, Page, PageHeader } from '../ui/Page';
import { EndpointList } from './EndpointList';
import { useEndpointEditor } from './use-endpoint-editor';
import { useEndpoints } from './use-endpoints';

/** Integration Builder → Edit Endpoints: every endpoint of the workflow, with Add and Delete. */
export function EndpointsPage() {
  useDocumentTitle('Endpoints');
  const canEdit = useCan('flows.edit');
  const workflow = useCurrentWorkflow();
  const endpoints = useEndpoints(workflow.workflowId);
  const editor = useEndpointEditor(workflow.workflowId);
  const error = workflow.error ?? endpoints.error;

  return (
    <Page>
      <PageHeader
        title="Endpoints"
        breadcrumb={
          <Link href="/integration-builder" className="hover:text-zinc-900 hover:underline">
            Integration Builder
          </Link>
        }
        description="Define a system once — base URL and authentication — and use it in any step."
        actions={
          canEdit ? (
            <Button
              variant="primary"
              icon={<Plus aria-hidden className="size-4" />}
              disabled={!workflow.workflowId}
              onClick={editor.openNew}
            >
              Add Endpoint
            </Button>
          ) : null
        }
      />
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {readApiError(error).message}
        </p>
      ) : !endpoints.data ? (
        <p className="text-sm text-zinc-500">Loading endpoints…</p>
      ) : endpoints.data.length === 0 ? (
        <EmptyState icon={<Globe aria-hidden className="size-8" />} title="No endpoints yet">
          Add one to call an API from your flows.
        </EmptyState>
      ) : (
        <EndpointList endpoints={endpoints.data} onOpen={editor.open} {...(canEdit ? { onDelete: editor.confirmDelete } : {})} />
      )}
      {editor.dialogs}
    </Page>
  );
}
