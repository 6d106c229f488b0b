import type { FlowSummary } from '@flowyard/engine/schemas';
import { useMutation } from '@tanstack/react-query';
import { Plus, Workflow } from 'lucide-react';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { useCan } from '../auth/session-context';
import { ComponentsMenu } from '../endpoints/ComponentsMenu';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { useCurrentWorkflow } from '../shell/use-workflow';
import { Button } from '../ui/Button';
import { EmptyState, Page, PageHeader } from '../ui/Page';
import { DeleteFlowDialog } from './DeleteFlowDialog';
import { FlowList } from './FlowList';
import { FlowNameDialog } from './FlowNameDialog';
import { useFlows, useInvalidateFlows } from './use-flows';

/** The Flows tab: list, create, rename and delete flows. */
export function FlowsPage() {
  useDocumentTitle('Flows');
  const trpc = useTRPC();
  const canEdit = useCan('flows.edit');
  const [, navigate] = useLocation();
  const workflow = useCurrentWorkflow();
  const flows = useFlows(workflow.workflowId);
  const invalidateFlows = useInvalidateFlows();
  const create = useMutation(trpc.flows.create.mutationOptions());
  const rename = useMutation(trpc.flows.rename.mutationOptions());
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<FlowSummary | null>(null);
  const [deleting, setDeleting] = useState<FlowSummary | null>(null);
  const error = workflow.error ?? flows.error;

  return (
    <Page>
      <PageHeader
        title="Flows"
        description="A flow starts with a trigger and runs its steps in order."
        actions={
          canEdit ? (
            <>
              {workflow.workflowId ? <ComponentsMenu workflowId={workflow.workflowId} /> : null}
              <Button
                variant="primary"
                icon={<Plus aria-hidden className="size-4" />}
                disabled={!workflow.workflowId}
                onClick={() => setCreating(true)}
              >
                New Flow
              </Button>
            </>
          ) : null
        }
      />
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {readApiError(error).message}
        </p>
      ) : !flows.data ? (
        <p className="text-sm text-zinc-500">Loading flows…</p>
      ) : flows.data.length === 0 ? (
        <EmptyState icon={<Workflow aria-hidden className="size-8" />} title="No flows yet">
          Create one with New Flow, then drag a trigger and steps onto its canvas.
        </EmptyState>
      ) : (
        <FlowList flows={flows.data} {...(canEdit ? { onRename: setRenaming, onDelete: setDeleting } : {})} />
      )}

      <FlowNameDialog
        open={creating}
        onOpenChange={setCreating}
        title="New Flow"
        submitLabel="Create"
        onSubmit={async (name) => {
          if (!workflow.workflowId) return;
          const flow = await create.mutateAsync({ workflowId: workflow.workflowId, name });
          void invalidateFlows();
          setCreating(false);
          navigate(`/flows/${encodeURIComponent(flow.id)}`);
        }}
      />
      <FlowNameDialog
        key={renaming?.id ?? 'none'}
        open={renaming !== null}
        onOpenChange={(open) => {
          if (!open) setRenaming(null);
        }}
        title="Rename Flow"
        submitLabel="Rename"
        initialName={renaming?.name}
        onSubmit={async (name) => {
          if (!renaming) return;
          await rename.mutateAsync({ id: renaming.id, name });
          void invalidateFlows();
          setRenaming(null);
        }}
      />
      <DeleteFlowDialog key={deleting?.id ?? 'none'} flow={deleting} onClose={() => setDeleting(null)} />
    </Page>
  );
}
