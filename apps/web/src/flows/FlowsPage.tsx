import type { FlowSummary } from '@flowyard/engine/schemas';
import { useMutation } from '@tanstack/react-query';
import { Plus, Search, Workflow } from 'lucide-react';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { useCan } from '../auth/session-context';
import { ComponentsMenu } from '../endpoints/ComponentsMenu';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { useCurrentWorkflow } from '../shell/use-workflow';
import { Button } from '../ui/Button';
import { TextInput } from '../ui/Field';
import { EmptyState, Page, PageHeader } from '../ui/Page';
import { DeleteFlowDialog } from './DeleteFlowDialog';
import { FlowList } from './FlowList';
import { FlowNameDialog } from './FlowNameDialog';
import { useFlows, useInvalidateFlows } from './use-flows';

const count = new Intl.NumberFormat('en');

/** The Flows tab: search, list (a page at a time), create, rename, duplicate, turn off and delete flows. */
export function FlowsPage() {
  useDocumentTitle('Flows');
  const trpc = useTRPC();
  const canEdit = useCan('flows.edit');
  const [, navigate] = useLocation();
  const workflow = useCurrentWorkflow();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 250);
  const flows = useFlows(workflow.workflowId, search);
  const invalidateFlows = useInvalidateFlows();
  const create = useMutation(trpc.flows.create.mutationOptions());
  const rename = useMutation(trpc.flows.rename.mutationOptions());
  const duplicate = useMutation(trpc.flows.duplicate.mutationOptions({ onSuccess: () => invalidateFlows() }));
  const setEnabled = useMutation(trpc.flows.setEnabled.mutationOptions({ onSettled: () => invalidateFlows() }));
  const items = flows.data?.pages.flatMap((page) => page.items) ?? [];
  const firstPage = flows.data?.pages[0];
  const actionError = duplicate.error ?? setEnabled.error;
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<FlowSummary | null>(null);
  const [deleting, setDeleting] = useState<FlowSummary | null>(null);
  const error = workflow.error ?? flows.error ?? actionError;

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
      {firstPage && (firstPage.total > 0 || search !== '') ? (
        <div className="mb-3 flex items-center gap-3">
          <label className="relative flex w-72 items-center">
            <Search aria-hidden className="pointer-events-none absolute left-2.5 size-4 text-zinc-400" />
            <TextInput type="search" aria-label="Search flows" placeholder="Search flows by name" value={searchText} onChange={(event) => setSearchText(event.target.value)} className="pl-8" />
          </label>
          <p aria-live="polite" data-testid="flow-count" className="text-xs text-zinc-500">
            {search === ''
              ? `Showing ${count.format(items.length)} of ${count.format(firstPage.total)} flows`
              : `${count.format(firstPage.matching)} of ${count.format(firstPage.total)} flows match "${search}"${firstPage.matching > items.length ? ` (showing ${count.format(items.length)})` : ''}`}
          </p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {readApiError(error).message}
        </p>
      ) : null}
      {!firstPage ? (
        flows.error ? null : <p className="text-sm text-zinc-500">Loading flows…</p>
      ) : firstPage.total === 0 ? (
        <EmptyState icon={<Workflow aria-hidden className="size-8" />} title="No flows yet">
          Create one with New Flow, then drag a trigger and steps onto its canvas.
        </EmptyState>
      ) : items.length === 0 ? (
        <p className="text-sm text-zinc-500">No flow name contains "{search}".</p>
      ) : (
        <>
          <FlowList
            flows={items}
            {...(canEdit
              ? {
                  onRename: setRenaming,
                  onDelete: setDeleting,
                  onDuplicate: (flow: FlowSummary) => duplicate.mutate({ id: flow.id }),
                  onSetEnabled: (flow: FlowSummary, enabled: boolean) => setEnabled.mutate({ id: flow.id, enabled }),
                }
              : {})}
          />
          {flows.hasNextPage ? (
            <div className="mt-3 flex justify-center">
              <Button onClick={() => void flows.fetchNextPage()} disabled={flows.isFetchingNextPage}>
                {flows.isFetchingNextPage ? 'Loading…' : 'Show more flows'}
              </Button>
            </div>
          ) : null}
        </>
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
