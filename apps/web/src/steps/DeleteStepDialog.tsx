import { customStepUsageSchema, type CustomStepView } from '@flowyard/engine/schemas';
import { useMutation, useQuery } from '@tanstack/react-query';
import { UsageLinks } from '../endpoints/UsageLinks';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { ConfirmDialog } from '../ui/AlertDialog';
import { useInvalidateCustomSteps } from './use-custom-steps';

export interface DeleteStepDialogProps {
  /** The step to delete; null keeps the dialog closed. */
  step: CustomStepView | null;
  onClose(): void;
  onDeleted?(): void;
}

/**
 * Deleting a custom step: its usage is looked up as the dialog opens, so a step that flows use is
 * refused at once, naming each flow step as a link that opens it; only an unused one asks to
 * confirm. The API still refuses a use that appeared meanwhile (CONFLICT with `details.usage`).
 */
export function DeleteStepDialog({ step, onClose, onDeleted }: DeleteStepDialogProps) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCustomSteps();
  const remove = useMutation(
    trpc.customSteps.delete.mutationOptions({
      onSuccess: () => {
        void invalidate();
        onClose();
        onDeleted?.();
      },
      // A refusal may mean our counts are stale (a flow started using it); refresh them.
      onError: () => void invalidate(),
    }),
  );
  const current = useQuery({
    ...trpc.customSteps.usage.queryOptions({ id: step?.id ?? '' }),
    enabled: step !== null,
    staleTime: 0,
    refetchOnMount: 'always',
  });
  const error = remove.error ? readApiError(remove.error) : null;
  const refused = error?.code === 'CONFLICT' ? customStepUsageSchema.array().safeParse(error.details.usage) : null;
  const usage = refused ?? (current.data && current.data.length > 0 ? { success: true as const, data: current.data } : null);
  const checking = usage === null && current.isPending;
  const name = step?.step.name ?? '';

  return (
    <ConfirmDialog
      open={step !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Delete Step"
      confirmLabel="Delete Step"
      confirmHidden={usage !== null || checking}
      pending={remove.isPending}
      onConfirm={() => {
        if (step) remove.mutate({ id: step.id });
      }}
    >
      {usage !== null ? (
        <div className="flex flex-col gap-3">
          <p role="alert" className="text-red-700">
            <strong className="font-semibold">{name}</strong> cannot be deleted because{' '}
            {usage.success ? `${usage.data.length} ${usage.data.length === 1 ? 'step uses' : 'steps use'} it` : 'flows use it'}. Remove it from
            these flows first:
          </p>
          {usage.success ? <UsageLinks usage={usage.data} onNavigate={onClose} label="Step usage" /> : <p>{error?.message}</p>}
        </div>
      ) : checking ? (
        <p>
          Checking where <strong className="font-semibold text-zinc-900">{name}</strong> is used…
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          <p>
            Delete the step <strong className="font-semibold text-zinc-900">{name}</strong> from the library? This cannot be undone.
          </p>
          {error ? (
            <p role="alert" className="text-red-700">
              {error.message}
            </p>
          ) : null}
        </div>
      )}
    </ConfirmDialog>
  );
}
