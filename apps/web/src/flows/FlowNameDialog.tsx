import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { formLevelMessage, readApiError, splitIssues } from '../lib/trpc-error';
import { Button } from '../ui/Button';
import { Dialog, DialogBody, DialogClose, DialogFooter } from '../ui/Dialog';
import { Field, FormError, TextInput } from '../ui/Field';
import { flowNameFormSchema, type FlowNameFormOutput, type FlowNameFormValues } from './flow-name-form';

export interface FlowNameDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  submitLabel: string;
  initialName?: string;
  /** Saves the name; a thrown API error is shown on the field or the form. */
  onSubmit(name: string): Promise<void>;
}

/** Asks for a flow name (New Flow, Rename Flow) with the API's validation. */
export function FlowNameDialog({ open, onOpenChange, title, submitLabel, initialName = '', onSubmit }: FlowNameDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} size="sm">
      <FlowNameForm submitLabel={submitLabel} initialName={initialName} onSubmit={onSubmit} />
    </Dialog>
  );
}

function FlowNameForm({ submitLabel, initialName, onSubmit }: Pick<FlowNameDialogProps, 'submitLabel' | 'onSubmit'> & { initialName: string }) {
  const { register, handleSubmit, setError, formState } = useForm<FlowNameFormValues, unknown, FlowNameFormOutput>({
    resolver: zodResolver(flowNameFormSchema),
    defaultValues: { name: initialName },
  });
  const submit = handleSubmit(async ({ name }) => {
    try {
      await onSubmit(name);
    } catch (error) {
      const apiError = readApiError(error);
      const { byField, other } = splitIssues(apiError.issues, ['name'] as const);
      for (const { message } of byField) setError('name', { type: 'server', message }, { shouldFocus: true });
      const message = formLevelMessage(apiError, other, byField.length);
      if (message) setError('root.server', { type: 'server', message });
    }
  });
  return (
    <form noValidate onSubmit={submit} className="flex flex-col">
      <DialogBody className="flex flex-col gap-3">
        <Field label="Flow name" error={formState.errors.name?.message}>
          {(control) => <TextInput autoComplete="off" data-autofocus {...control} {...register('name')} />}
        </Field>
        <FormError>{formState.errors.root?.server?.message}</FormError>
      </DialogBody>
      <DialogFooter>
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
          {submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}
