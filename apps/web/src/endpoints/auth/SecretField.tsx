import { KeyRound } from 'lucide-react';
import { useId, useState } from 'react';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Field, TextInput } from '../../ui/Field';
import type { EndpointFormApi, SecretFieldName } from '../endpoint-form';

export interface SecretFieldProps {
  form: EndpointFormApi;
  name: SecretFieldName;
  label: string;
  /** A value is stored: show "set" with Replace instead of an input (secrets are write-only). */
  isSet: boolean;
}

/**
 * A write-only secret (password, client secret). When one is stored, the form carries no value
 * until the user chooses Replace; leaving it that way keeps the stored secret.
 */
export function SecretField({ form, name, label, isSet }: SecretFieldProps) {
  const [replacing, setReplacing] = useState(!isSet);
  const labelId = useId();
  const error = form.getFieldState(name, form.formState).error?.message;
  const lowerLabel = label.toLowerCase();

  if (!replacing) {
    return (
      <div className="flex flex-col gap-1.5">
        <span id={labelId} className="text-sm font-medium text-zinc-800">
          {label}
        </span>
        {/* As tall as an input, so it lines up with the field beside it. */}
        <div role="group" aria-labelledby={labelId} className="flex h-9 items-center gap-2">
          {/* Spaces keep "set" a word of its own in the dialog's text. */}{' '}
          <Badge tone="success">
            <KeyRound aria-hidden className="size-3" />
            <span>set</span>
          </Badge>{' '}
          <Button size="sm" aria-label={`Replace ${lowerLabel}`} onClick={() => setReplacing(true)}>
            Replace
          </Button>
        </div>
        {error ? <p className="text-xs text-red-600">{error}</p> : null}
      </div>
    );
  }

  return (
    <Field label={label} error={error} hint={isSet ? `The new ${lowerLabel} replaces the stored one when you save.` : undefined}>
      {(control) => (
        <div className="flex items-center gap-2">
          <TextInput type="password" autoComplete="new-password" autoFocus={isSet} {...control} {...form.register(name)} />
          {isSet ? (
            <Button
              onClick={() => {
                form.unregister(name);
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
