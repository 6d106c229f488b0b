import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { z } from 'zod';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { useCurrentWorkflow } from '../shell/use-workflow';
import { Page } from '../ui/Page';
import { LibraryEditorForm } from './LibraryEditorForm';
import { librariesPath } from './script-object-paths';

/** `/integration-builder/libraries/new`: a new shared library. */
export function NewLibraryPage() {
  useDocumentTitle('New Library');
  const workflow = useCurrentWorkflow();
  return (
    <Page wide>
      {workflow.workflowId ? (
        <LibraryEditorForm workflowId={workflow.workflowId} />
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

/** `/integration-builder/libraries/:id`: edit a stored shared library. */
export function EditLibraryPage() {
  const { id = '' } = useParams<{ id: string }>();
  const trpc = useTRPC();
  // Start from what is stored, not from a cached copy.
  const library = useQuery(trpc.libraries.get.queryOptions({ id }, { refetchOnMount: 'always', staleTime: 0 }));
  useDocumentTitle(library.data?.name ?? 'Library');
  return (
    <Page wide>
      {library.error ? (
        <div className="flex flex-col items-start gap-2">
          <p role="alert" className="text-sm text-red-600">
            {readApiError(library.error).code === 'NOT_FOUND' ? 'This library does not exist.' : readApiError(library.error).message}
          </p>
          <Link href={librariesPath} className="text-sm text-indigo-700 hover:underline">
            Back to shared libraries
          </Link>
        </div>
      ) : !library.data || !library.isFetchedAfterMount ? (
        <p className="text-sm text-zinc-500">Loading library…</p>
      ) : (
        // Keyed by id so another library starts from its own values.
        <LibraryEditorForm key={library.data.id} workflowId={library.data.workflowId} stored={library.data} justSaved={justSavedState.safeParse(window.history.state).success} />
      )}
    </Page>
  );
}
