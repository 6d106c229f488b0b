import type { CustomStepView } from '@flowyard/engine/schemas';
import { Plus, Puzzle } from 'lucide-react';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { useCan } from '../auth/session-context';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { useCurrentWorkflow } from '../shell/use-workflow';
import { Button } from '../ui/Button';
import { EmptyState, Page, PageHeader } from '../ui/Page';
import { CustomStepList } from './CustomStepList';
import { DeleteStepDialog } from './DeleteStepDialog';
import { useCustomSteps } from './use-custom-steps';

/** `/steps`: the Steps library, the workflow's custom steps. */
export function StepsPage() {
  useDocumentTitle('Steps');
  const [, navigate] = useLocation();
  const canEdit = useCan('flows.edit');
  const workflow = useCurrentWorkflow();
  const steps = useCustomSteps(workflow.workflowId);
  const [deleting, setDeleting] = useState<CustomStepView | null>(null);
  const error = workflow.error ?? steps.error;
  const sorted = steps.data ? [...steps.data].sort((a, b) => a.step.name.localeCompare(b.step.name)) : undefined;

  return (
    <Page>
      <PageHeader
        title="Steps"
        description="Reusable steps with their own inputs, outputs and script. They appear in every flow’s palette."
        actions={
          canEdit ? (
            <Button variant="primary" icon={<Plus aria-hidden className="size-4" />} disabled={!workflow.workflowId} onClick={() => navigate('/steps/new')}>
              New Step
            </Button>
          ) : null
        }
      />
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {readApiError(error).message}
        </p>
      ) : !sorted ? (
        <p className="text-sm text-zinc-500">Loading steps…</p>
      ) : sorted.length === 0 ? (
        <EmptyState icon={<Puzzle aria-hidden className="size-8" />} title="No custom steps yet">
          Create one to call an endpoint from a script, with inputs people fill in on the canvas.
        </EmptyState>
      ) : (
        <CustomStepList steps={sorted} {...(canEdit ? { onDelete: setDeleting } : {})} />
      )}
      {/* Keyed so a refusal shown for one step is not shown for the next. */}
      <DeleteStepDialog key={deleting?.id ?? 'none'} step={deleting} onClose={() => setDeleting(null)} />
    </Page>
  );
}
