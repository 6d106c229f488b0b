import type { IntegrationBody, RunUser } from '@flowyard/engine/schemas';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useCan, useCurrentUser } from '../auth/session-context';
import { useTRPC } from '../lib/trpc';
import { Field, Select } from '../ui/Field';
import type { IntegrationFormValues } from './integration-form';

export interface InboundAuthFieldsProps {
  form: UseFormReturn<IntegrationFormValues, unknown, IntegrationBody>;
  /** The stored integration's acting user (kept as a choice even when not listed). */
  storedActAs: RunUser | null;
}

/**
 * How callers authenticate: a Flowyard user's API key, or URL authentication (a long random token
 * in the URL, shown once) with the user the started runs act as.
 */
export function InboundAuthFields({ form, storedActAs }: InboundAuthFieldsProps) {
  const trpc = useTRPC();
  const me = useCurrentUser();
  const canListUsers = useCan('users.manage');
  const users = useQuery({ ...trpc.users.list.queryOptions(), enabled: canListUsers });
  const [authType] = useWatch({ control: form.control, name: ['auth.type'] });
  const actAsError = form.getFieldState('auth.actAsUserId', form.formState).error?.message;
  const authError = form.getFieldState('auth', form.formState).error?.message;
  const choices = new Map<string, string>();
  for (const user of users.data?.filter((u) => !u.disabled) ?? [me]) choices.set(user.id, `${user.name} (${user.email})`);
  if (storedActAs && !choices.has(storedActAs.id)) choices.set(storedActAs.id, `${storedActAs.name} (${storedActAs.email})`);
  if (!choices.has(me.id)) choices.set(me.id, `${me.name} (${me.email})`);

  const choose = (type: 'apiKey' | 'url') => {
    form.setValue('auth', type === 'apiKey' ? { type } : { type, actAsUserId: storedActAs?.id ?? me.id }, { shouldDirty: true, shouldValidate: true });
  };

  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-zinc-800">Authentication method</legend>
        <AuthChoice
          label="User’s API key"
          hint="Callers send a Flowyard API key (Authorization: Bearer …); the flows they start act as its user."
          checked={authType === 'apiKey'}
          onChoose={() => choose('apiKey')}
        />
        <AuthChoice
          label="URL authentication"
          hint="A long random token in the URL is the password (for systems that cannot send headers). It is shown once; rotate it if it leaks."
          checked={authType === 'url'}
          onChoose={() => choose('url')}
        />
        {authError ? <p className="text-xs text-red-600">{authError}</p> : null}
      </fieldset>
      {authType === 'url' ? (
        <Field
          label="Acting user"
          className="max-w-md"
          error={actAsError}
          hint="The flows the script starts run as this user, with exactly that user’s permissions."
        >
          {(control) => (
            <Select {...control} {...form.register('auth.actAsUserId')}>
              {[...choices].map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
    </div>
  );
}

function AuthChoice({ label, hint, checked, onChoose }: { label: string; hint: string; checked: boolean; onChoose(): void }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2 text-sm text-zinc-800">
      <input id={id} type="radio" name="inbound-auth" aria-describedby={`${id}-hint`} className="mt-1 accent-indigo-600" checked={checked} onChange={onChoose} />
      <div className="flex flex-col">
        <label htmlFor={id}>{label}</label>
        <span id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </span>
      </div>
    </div>
  );
}
