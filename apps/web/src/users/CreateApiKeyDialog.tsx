import { apiKeyCreateSchema } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { AlertTriangle } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTRPC } from '../lib/trpc';
import { formLevelMessage, readApiError, splitIssues } from '../lib/trpc-error';
import { Button } from '../ui/Button';
import { CopyButton } from '../ui/CopyButton';
import { Dialog, DialogBody, DialogClose, DialogFooter } from '../ui/Dialog';
import { Field, FormError, TextInput } from '../ui/Field';
import { useInvalidateApiKeys } from './use-api-keys';

export interface CreateApiKeyDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  userId: string;
  userName: string;
}

const nameFormSchema = apiKeyCreateSchema.pick({ name: true });

/**
 * "Create API key": asks for a name, then shows the new key once: it is stored hashed, so after
 * this dialog closes nobody can see it again.
 */
export function CreateApiKeyDialog({ open, onOpenChange, userId, userName }: CreateApiKeyDialogProps) {
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setCreated(null);
      }}
      title={created ? 'API key created' : 'Create API key'}
      description={created ? undefined : `A key lets a program call HTTP triggers as ${userName}.`}
    >
      {!open ? null : created ? <ShowKeyOnce apiKey={created.key} name={created.name} /> : <NameForm userId={userId} onCreated={setCreated} />}
    </Dialog>
  );
}

function NameForm({ userId, onCreated }: { userId: string; onCreated(created: { key: string; name: string }): void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateApiKeys();
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const form = useForm({ resolver: zodResolver(nameFormSchema), defaultValues: { name: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ name }) => {
    try {
      const result = await create.mutateAsync({ userId, name });
      void invalidate();
      onCreated({ key: result.key, name });
    } catch (error) {
      const apiError = readApiError(error);
      const { byField, other } = splitIssues(apiError.issues, ['name'] as const);
      for (const { message } of byField) form.setError('name', { type: 'server', message }, { shouldFocus: true });
      const message = formLevelMessage(apiError, other, byField.length);
      if (message) form.setError('root.server', { type: 'server', message });
    }
  });
  return (
    <form noValidate onSubmit={submit} className="flex flex-col">
      <DialogBody className="flex flex-col gap-3">
        <Field label="Key name" error={errors.name?.message} hint="Say where it is used, e.g. “Order sync on host-7”.">
          {(control) => <TextInput autoComplete="off" data-autofocus {...control} {...form.register('name')} />}
        </Field>
        <FormError>{errors.root?.server?.message}</FormError>
      </DialogBody>
      <DialogFooter>
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          Create
        </Button>
      </DialogFooter>
    </form>
  );
}

function ShowKeyOnce({ apiKey, name }: { apiKey: string; name: string }) {
  return (
    <>
      <DialogBody className="flex flex-col gap-3">
        <p className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
          Copy the key “{name}” now: it is shown only once. Flowyard keeps only a hash of it.
        </p>
        <Field label="API key">
          {(control) => (
            <div className="flex items-center gap-2">
              <TextInput
                {...control}
                readOnly
                value={apiKey}
                data-autofocus
                spellCheck={false}
                className="font-mono text-xs"
                onFocus={(event) => event.currentTarget.select()}
              />
              <CopyButton text={apiKey} label="Copy API key" />
            </div>
          )}
        </Field>
      </DialogBody>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="primary">Done</Button>
        </DialogClose>
      </DialogFooter>
    </>
  );
}
