import type { LibraryListItem } from '@flowyard/engine/schemas';
import { Library, Plus, X } from 'lucide-react';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useCan } from '../auth/session-context';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { useCurrentWorkflow } from '../shell/use-workflow';
import { Button, IconButton } from '../ui/Button';
import { EmptyState, Page, PageHeader } from '../ui/Page';
import { DeleteScriptObjectDialog } from './DeleteScriptObjectDialog';
import { libraryPath, librariesPath } from './script-object-paths';
import { usageText } from './usage-text';
import { useLibraries } from './use-script-objects';

/** Integration Builder → Shared libraries: every library of the workflow, with New and Delete. */
export function LibrariesPage() {
  useDocumentTitle('Shared libraries');
  const [, navigate] = useLocation();
  const canEdit = useCan('flows.edit');
  const workflow = useCurrentWorkflow();
  const libraries = useLibraries(workflow.workflowId);
  const [deleting, setDeleting] = useState<LibraryListItem | null>(null);
  const error = workflow.error ?? libraries.error;

  return (
    <Page>
      <PageHeader
        title="Shared libraries"
        breadcrumb={
          <Link href="/integration-builder" className="hover:text-zinc-900 hover:underline">
            Integration Builder
          </Link>
        }
        description="CommonJS code your step scripts load with require('<name>'): write a helper once, use it in every script."
        actions={
          canEdit ? (
            <Button variant="primary" icon={<Plus aria-hidden className="size-4" />} onClick={() => navigate(`${librariesPath}/new`)}>
              New Library
            </Button>
          ) : null
        }
      />
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {readApiError(error).message}
        </p>
      ) : !libraries.data ? (
        <p className="text-sm text-zinc-500">Loading libraries…</p>
      ) : libraries.data.length === 0 ? (
        <EmptyState icon={<Library aria-hidden className="size-8" />} title="No shared libraries yet">
          Add one to share code between step scripts.
        </EmptyState>
      ) : (
        <ul aria-label="Shared libraries" className="divide-y divide-zinc-100 overflow-hidden rounded-lg border border-zinc-200 bg-white">
          {libraries.data.map((library) => (
            <li key={library.id} className="flex items-center gap-4 px-4 py-3 hover:bg-zinc-50">
              <Library aria-hidden className="size-4 shrink-0 text-zinc-400" />
              <div className="flex min-w-0 flex-1 flex-col">
                <Link href={libraryPath(library.id)} className="self-start truncate font-mono text-sm font-medium text-zinc-900 hover:text-indigo-700 hover:underline">
                  {library.name}
                </Link>
                <span className="truncate font-mono text-xs text-zinc-500">require('{library.name}')</span>
              </div>
              <span className="w-28 text-right text-xs text-zinc-500">{usageText(library.usageCount)}</span>
              {canEdit ? (
                <IconButton label={`Delete library ${library.name}`} tone="danger" icon={<X aria-hidden className="size-4" />} onClick={() => setDeleting(library)} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <DeleteScriptObjectDialog kind="library" target={deleting} onClose={() => setDeleting(null)} />
    </Page>
  );
}
