import { scriptObjectInUseSchema, type ScriptObjectUsage } from '@flowyard/engine/schemas';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { ConfirmDialog } from '../ui/AlertDialog';
import { ScriptObjectUsageLinks } from './ScriptObjectUsageLinks';
import { useInvalidateScriptObjects } from './use-script-objects';

export interface DeleteScriptObjectDialogProps {
  kind: 'library' | 'constant';
  /** What to delete; null keeps the dialog closed. */
  target: { id: string; name: string } | null;
  onClose(): void;
  onDeleted?(): void;
}

const words = {
  library: { title: 'Delete Library', noun: 'shared library', usage: 'Library usage' },
  constant: { title: 'Delete Constant', noun: 'constant', usage: 'Constant usage' },
} as const;

/**
 * Deleting a shared library or a constant: its usage is looked up as the dialog opens, so one that
 * scripts still read is refused at once with a link to each of them; only an unused one asks to
 * confirm. The API still refuses a use that appeared meanwhile (CONFLICT with `details.usage`).
 */
export function DeleteScriptObjectDialog({ kind, target, onClose, onDeleted }: DeleteScriptObjectDialogProps) {
  const trpc = useTRPC();
  const invalidate = useInvalidateScriptObjects();
  const options = {
    onSuccess: () => {
      void invalidate();
      onClose();
      onDeleted?.();
    },
    // A refusal may mean our counts are stale (a script started using it); refresh them.
    onError: () => void invalidate(),
  };
  const removeLibrary = useMutation(trpc.libraries.delete.mutationOptions(options));
  const removeConstant = useMutation(trpc.constants.delete.mutationOptions(options));
  const remove = kind === 'library' ? removeLibrary : removeConstant;
  const input = { id: target?.id ?? '' };
  const fresh = { enabled: target !== null, staleTime: 0, refetchOnMount: 'always' as const };
  const libraryUsage = useQuery({ ...trpc.libraries.usage.queryOptions(input), ...fresh, enabled: target !== null && kind === 'library' });
  const constantUsage = useQuery({ ...trpc.constants.usage.queryOptions(input), ...fresh, enabled: target !== null && kind === 'constant' });
  const current = kind === 'library' ? libraryUsage : constantUsage;
  const error = remove.error ? readApiError(remove.error) : null;
  const refused = error?.code === 'CONFLICT' ? scriptObjectInUseSchema.safeParse(error.details) : null;
  const usage: ScriptObjectUsage[] | null = refused?.success ? refused.data.usage : current.data && current.data.length > 0 ? current.data : null;
  const checking = usage === null && current.isPending;
  const name = target?.name ?? '';
  const w = words[kind];

  return (
    <ConfirmDialog
      open={target !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={w.title}
      confirmLabel={w.title}
      confirmHidden={usage !== null || checking}
      pending={remove.isPending}
      onConfirm={() => {
        if (target) remove.mutate({ id: target.id });
      }}
    >
      {usage !== null ? (
        <div className="flex flex-col gap-3">
          <p role="alert" className="text-red-700">
            <strong className="font-semibold">{name}</strong> cannot be deleted because {usage.length === 1 ? '1 script uses' : `${usage.length} scripts use`} it.
            Remove it from these first:
          </p>
          <ScriptObjectUsageLinks usage={usage} label={w.usage} onNavigate={onClose} />
        </div>
      ) : checking ? (
        <p>
          Checking where <strong className="font-semibold text-zinc-900">{name}</strong> is used…
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          <p>
            Delete the {w.noun} <strong className="font-semibold text-zinc-900">{name}</strong>? This cannot be undone.
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
