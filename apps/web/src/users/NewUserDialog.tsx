import { userCreateSchema, type UserCreateInput, type UserView } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useTRPC } from '../lib/trpc';
import { formLevelMessage, readApiError, splitIssues } from '../lib/trpc-error';
import { Button } from '../ui/Button';
import { Dialog, DialogBody, DialogClose, DialogFooter } from '../ui/Dialog';
import { Field, FormError, TextInput } from '../ui/Field';
import { RoleSelect } from './RoleSelect';
import { useInvalidateUsers } from './use-users';

export interface NewUserDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  onCreated(user: UserView): void;
}

const fields = ['name', 'email', 'role', 'password'] as const;

/** "New User": name, email, role and a first password, checked as the API checks them. */
export function NewUserDialog({ open, onOpenChange, onCreated }: NewUserDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="New User" description="They sign in with this email and password.">
      {open ? <NewUserForm onCreated={onCreated} /> : null}
    </Dialog>
  );
}

function NewUserForm({ onCreated }: Pick<NewUserDialogProps, 'onCreated'>) {
  const trpc = useTRPC();
  const invalidate = useInvalidateUsers();
  const create = useMutation(trpc.users.create.mutationOptions());
  const form = useForm<UserCreateInput, unknown, z.output<typeof userCreateSchema>>({
    resolver: zodResolver(userCreateSchema),
    // The least a new account can do; the admin raises it on purpose.
    defaultValues: { name: '', email: '', role: 'standard', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      const user = await create.mutateAsync(values);
      void invalidate();
      onCreated(user);
    } catch (error) {
      const apiError = readApiError(error);
      const { byField, other } = splitIssues(apiError.issues, fields);
      for (const { field, message } of byField) form.setError(field, { type: 'server', message }, { shouldFocus: true });
      const message = formLevelMessage(apiError, other, byField.length);
      if (message) form.setError('root.server', { type: 'server', message });
    }
  });

  return (
    <form noValidate onSubmit={submit} className="flex flex-col">
      <DialogBody className="flex flex-col gap-4">
        <Field label="Name" error={errors.name?.message}>
          {(control) => <TextInput autoComplete="off" data-autofocus {...control} {...form.register('name')} />}
        </Field>
        <Field label="Email" error={errors.email?.message}>
          {(control) => <TextInput type="email" autoComplete="off" {...control} {...form.register('email')} />}
        </Field>
        <Field
          label="Role"
          error={errors.role?.message}
          hint="REST Web Service Users call HTTP triggers with API keys and may read every user; Standard Users see only themselves."
        >
          {(control) => (
            <Controller
              control={form.control}
              name="role"
              render={({ field }) => <RoleSelect {...control} name={field.name} ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            />
          )}
        </Field>
        <Field label="Password" error={errors.password?.message} hint="At least 8 characters.">
          {(control) => <TextInput type="password" autoComplete="new-password" {...control} {...form.register('password')} />}
        </Field>
        <FormError>{errors.root?.server?.message}</FormError>
      </DialogBody>
      <DialogFooter>
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          Create User
        </Button>
      </DialogFooter>
    </form>
  );
}
