import { KeyRound } from 'lucide-react';
import { useId, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { Field, TextInput } from '../ui/Field';
import type { EndpointFormOutput, EndpointFormValues } from './endpoint-form';

export interface PasswordFieldProps {
  form: UseFormReturn<EndpointFormValues, unknown, EndpointFormOutput>;
  /** A password is stored: show "set" with Replace instead of an input (it is write-only). */
  passwordSet: boolean;
}

/**
 * The write-only password. When one is stored, the form carries no password until the user
 * chooses Replace; leaving it that way keeps the stored password.
 */
export function PasswordField({ form, passwordSet }: PasswordFieldProps) {
  const [replacing, setReplacing] = useState(!passwordSet);
  const labelId = useId();
  const error = form.getFieldState('auth.password', form.formState).error?.message;

  if (!replacing) {
    return (
      <div className="flex flex-col gap-1.5">
        <span id={labelId} className="text-sm font-medium text-zinc-800">
          Password
        </span>
        <div role="group" aria-labelledby={labelId} className="flex items-center gap-2">
          {/* Spaces keep "set" a word of its own in the dialog's text. */}{' '}
          <Badge tone="success">
            <KeyRound aria-hidden className="size-3" />
            <span>set</span>
          </Badge>{' '}
          <Button size="sm" onClick={() => setReplacing(true)}>
            Replace
          </Button>
        </div>
        {error ? <p className="text-xs text-red-600">{error}</p> : null}
      </div>
    );
  }

  return (
    <Field label="Password" error={error} hint={passwordSet ? 'The new password replaces the stored one when you save.' : undefined}>
      {(control) => (
        <div className="flex items-center gap-2">
          <TextInput
            type="password"
            autoComplete="new-password"
            autoFocus={passwordSet}
            {...control}
            {...form.register('auth.password')}
          />
          {passwordSet ? (
            <Button
              onClick={() => {
                form.unregister('auth.password');
                setReplacing(false);
              }}
            >
              Keep current
            </Button>
          ) : null}
        </div>
      )}
    </Field>
  );
}
