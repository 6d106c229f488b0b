import type { ConstantListItem } from '@flowyard/engine/schemas';
import { Plus, Variable, X } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'wouter';
import { useCan } from '../auth/session-context';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { useCurrentWorkflow } from '../shell/use-workflow';
import { Button, IconButton } from '../ui/Button';
import { EmptyState, Page, PageHeader } from '../ui/Page';
import { ConstantDialog } from './ConstantDialog';
import { DeleteScriptObjectDialog } from './DeleteScriptObjectDialog';
import { usageText } from './usage-text';
import { useConstants } from './use-script-objects';

/** Integration Builder → Constants: every constant of the workflow, with New, Edit and Delete. */
export function ConstantsPage() {
  useDocumentTitle('Constants');
  const canEdit = useCan('flows.edit');
  const workflow = useCurrentWorkflow();
  const constants = useConstants(workflow.workflowId);
  const [editing, setEditing] = useState<ConstantListItem | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ConstantListItem | null>(null);
  const error = workflow.error ?? constants.error;

  return (
    <Page>
      <PageHeader
        title="Constants"
        breadcrumb={
          <Link href="/integration-builder" className="hover:text-zinc-900 hover:underline">
            Integration Builder
          </Link>
        }
        description="Named values every script of the workflow reads as constants['Name']: change one here, every script sees it."
        actions={
          canEdit ? (
            <Button variant="primary" icon={<Plus aria-hidden className="size-4" />} disabled={!workflow.workflowId} onClick={() => setEditing('new')}>
              New Constant
            </Button>
          ) : null
        }
      />
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {readApiError(error).message}
        </p>
      ) : !constants.data ? (
        <p className="text-sm text-zinc-500">Loading constants…</p>
      ) : constants.data.length === 0 ? (
        <EmptyState icon={<Variable aria-hidden className="size-8" />} title="No constants yet">
          Add one for a value many scripts share, like a region or an account id.
        </EmptyState>
      ) : (
        <ul aria-label="Constants" className="divide-y divide-zinc-100 overflow-hidden rounded-lg border border-zinc-200 bg-white">
          {constants.data.map((constant) => (
            <li key={constant.id} className="flex items-center gap-4 px-4 py-3 hover:bg-zinc-50">
              <Variable aria-hidden className="size-4 shrink-0 text-zinc-400" />
              <div className="flex min-w-0 flex-1 flex-col">
                <button
                  type="button"
                  onClick={() => setEditing(constant)}
                  className="self-start truncate text-left text-sm font-medium text-zinc-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500"
                >
                  {constant.name}
                </button>
                <span className="truncate font-mono text-xs text-zinc-500">{constant.value === '' ? '(empty)' : constant.value}</span>
              </div>
              <span className="w-28 text-right text-xs text-zinc-500">{usageText(constant.usageCount)}</span>
              {canEdit ? (
                <IconButton label={`Delete constant ${constant.name}`} tone="danger" icon={<X aria-hidden className="size-4" />} onClick={() => setDeleting(constant)} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {workflow.workflowId ? <ConstantDialog workflowId={workflow.workflowId} constant={editing} onClose={() => setEditing(null)} /> : null}
      <DeleteScriptObjectDialog kind="constant" target={deleting} onClose={() => setDeleting(null)} />
    </Page>
  );
}
