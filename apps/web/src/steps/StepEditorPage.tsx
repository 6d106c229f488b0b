import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { z } from 'zod';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { useCurrentWorkflow } from '../shell/use-workflow';
import { Page } from '../ui/Page';
import { StepEditorForm } from './StepEditorForm';

/** `/steps/new`: a new custom step. */
export function NewStepPage() {
  useDocumentTitle('New Step');
  const workflow = useCurrentWorkflow();
  return (
    <Page wide>
      {workflow.workflowId ? (
        <StepEditorForm workflowId={workflow.workflowId} />
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

/** `/steps/:id`: edit a stored custom step. */
export function EditStepPage() {
  const { id = '' } = useParams<{ id: string }>();
  const trpc = useTRPC();
  // Start from what is stored, not from a cached copy.
  const step = useQuery(trpc.customSteps.get.queryOptions({ id }, { refetchOnMount: 'always', staleTime: 0 }));
  useDocumentTitle(step.data?.step.name ?? 'Step');

  return (
    <Page wide>
      {step.error ? (
        <div className="flex flex-col items-start gap-2">
          <p role="alert" className="text-sm text-red-600">
            {readApiError(step.error).code === 'NOT_FOUND' ? 'This step does not exist.' : readApiError(step.error).message}
          </p>
          <Link href="/steps" className="text-sm text-indigo-700 hover:underline">
            Back to steps
          </Link>
        </div>
      ) : !step.data || !step.isFetchedAfterMount ? (
        <p className="text-sm text-zinc-500">Loading step…</p>
      ) : (
        // Keyed by id so another step starts from its own values.
        <StepEditorForm
          key={step.data.id}
          workflowId={step.data.workflowId}
          stored={step.data}
          justSaved={justSavedState.safeParse(window.history.state).success}
        />
      )}
    </Page>
  );
}
