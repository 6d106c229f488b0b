import type { ConstantListItem } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useCan } from '../auth/session-context';
import { useTRPC } from '../lib/trpc';
import { readApiError, splitIssues } from '../lib/trpc-error';
import { Button } from '../ui/Button';
import { Dialog, DialogBody, DialogFooter } from '../ui/Dialog';
import { Field, FormError, TextArea, TextInput } from '../ui/Field';
import { useConfirm } from '../ui/use-confirm';
import { constantFields, constantFormSchema, type ConstantFormValues } from './constant-form';
import { ScriptObjectUsageLinks } from './ScriptObjectUsageLinks';
import { useInvalidateScriptObjects } from './use-script-objects';

export interface ConstantDialogProps {
  workflowId: string;
  /** The constant to edit, 'new' to create one, null keeps the dialog closed. */
  constant: ConstantListItem | 'new' | null;
  onClose(): void;
}

/**
 * Create or edit a constant (name and value); an existing one shows the scripts that read it.
 * Closing it (Close, Escape, a click outside) with unsaved edits asks first, as the endpoint dialog does.
 */
export function ConstantDialog({ workflowId, constant, onClose }: ConstantDialogProps) {
  const dirty = useRef(false);
  const onDirtyChange = useCallback((next: boolean) => {
    dirty.current = next;
  }, []);
  const discard = useConfirm();
  const requestClose = async () => {
    if (dirty.current) {
      const leave = await discard.ask({
        title: 'Discard unsaved changes?',
        body: <p>This constant has changes that are not saved. Close it and lose them?</p>,
        confirmLabel: 'Discard changes',
        cancelLabel: 'Keep editing',
        confirmVariant: 'danger',
      });
      if (!leave) return;
    }
    dirty.current = false;
    onClose();
  };
  const saved = () => {
    dirty.current = false;
    onClose();
  };
  return (
    <Dialog
      open={constant !== null}
      onOpenChange={(open) => {
        if (!open) void requestClose();
      }}
      title={constant === 'new' ? 'New Constant' : 'Edit Constant'}
      description="Scripts read it as constants['Name']; the same value in every flow of the workflow."
      size="lg"
    >
      {/* Keyed so each constant starts from its own values. */}
      {constant !== null ? (
        <ConstantForm
          key={constant === 'new' ? 'new' : constant.id}
          workflowId={workflowId}
          stored={constant === 'new' ? null : constant}
          onSaved={saved}
          onRequestClose={() => void requestClose()}
          onDirtyChange={onDirtyChange}
        />
      ) : null}
      {discard.dialog}
    </Dialog>
  );
}

interface ConstantFormProps {
  workflowId: string;
  stored: ConstantListItem | null;
  onSaved(): void;
  onRequestClose(): void;
  onDirtyChange(dirty: boolean): void;
}

function ConstantForm({ workflowId, stored, onSaved, onRequestClose, onDirtyChange }: ConstantFormProps) {
  const trpc = useTRPC();
  const invalidate = useInvalidateScriptObjects();
  const canEdit = useCan('flows.edit');
  const set = useMutation(trpc.constants.set.mutationOptions());
  const form = useForm<ConstantFormValues>({
    resolver: zodResolver(constantFormSchema),
    defaultValues: stored ? { name: stored.name, value: stored.value } : { name: '', value: '' },
  });
  const { errors, isDirty } = form.formState;
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await set.mutateAsync({ workflowId, id: stored?.id ?? null, name: values.name, value: values.value });
      void invalidate();
      onSaved();
    } catch (error) {
      const apiError = readApiError(error);
      const { byField, other } = splitIssues(apiError.issues, constantFields);
      byField.forEach(({ field, message }, index) => form.setError(field, { type: 'server', message }, { shouldFocus: index === 0 }));
      if (other.length > 0 || byField.length === 0) form.setError('root.server', { type: 'server', message: other.map((i) => i.message).join('\n') || apiError.message });
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex min-h-0 flex-col">
      <DialogBody className="flex flex-col gap-4">
        <FormError>{errors.root?.server?.message}</FormError>
        <Field label="Name" error={errors.name?.message} hint="Unique in the workflow, not case-sensitive.">
          {(control) => <TextInput {...control} data-autofocus autoComplete="off" readOnly={!canEdit} {...form.register('name')} />}
        </Field>
        <Field label="Value" error={errors.value?.message} hint="Text; scripts that need a number or JSON parse it.">
          {(control) => <TextArea {...control} rows={4} readOnly={!canEdit} {...form.register('value')} />}
        </Field>
        {stored ? (
          <section aria-label="Usage" className="flex flex-col gap-2">
            <h3 className="text-sm font-medium text-zinc-800">Usage</h3>
            <ConstantUsage id={stored.id} />
          </section>
        ) : null}
      </DialogBody>
      <DialogFooter>
        <Button onClick={onRequestClose}>Close</Button>
        {canEdit ? (
          <Button type="submit" variant="primary" disabled={form.formState.isSubmitting}>
            Save Changes
          </Button>
        ) : null}
      </DialogFooter>
    </form>
  );
}

function ConstantUsage({ id }: { id: string }) {
  const trpc = useTRPC();
  const usage = useQuery(trpc.constants.usage.queryOptions({ id }, { staleTime: 0, refetchOnMount: 'always' }));
  if (usage.isPending) return <p className="text-sm text-zinc-500">Loading usage…</p>;
  if (usage.isError) return <p className="text-sm text-red-600">{readApiError(usage.error).message}</p>;
  if (usage.data.length === 0) return <p className="text-sm text-zinc-500">No script reads this constant.</p>;
  return <ScriptObjectUsageLinks usage={usage.data} label="Constant usage" />;
}
