import { KeyRound } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
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
  /**
   * The edit moves this secret to another address (SPEC §7a): the stored value may not follow,
   * so the input shows, required, until the address is back where it was.
   */
  mustReenter: boolean;
}

/**
 * A write-only secret (password, client secret). When one is stored, the form carries no value
 * until the user chooses Replace (or the edit moves the secret to another address); leaving it
 * that way keeps the stored secret.
 */
export function SecretField({ form, name, label, isSet, mustReenter }: SecretFieldProps) {
  const [replacing, setReplacing] = useState(!isSet);
  const labelId = useId();
  const errorId = `${labelId}-error`;
  const error = form.getFieldState(name, form.formState).error?.message;
  const lowerLabel = label.toLowerCase();
  const showInput = replacing || mustReenter;

  // Back at the stored address without Replace: the stored secret is kept again, so the input's
  // emptied value must leave the form with it.
  const wasRequired = useRef(mustReenter);
  useEffect(() => {
    if (wasRequired.current && !showInput) form.unregister(name);
    wasRequired.current = mustReenter;
  }, [form, name, mustReenter, showInput]);

  if (!showInput) {
    return (
      <div className="flex flex-col gap-1.5">
        <span id={labelId} className="text-sm font-medium text-zinc-800">
          {label}
        </span>
        {/* As tall as an input, so it lines up with the field beside it. */}
        <div role="group" aria-labelledby={labelId} aria-describedby={error ? errorId : undefined} className="flex h-9 items-center gap-2">
          {/* Spaces keep "set" a word of its own in the dialog's text. */}{' '}
          <Badge tone="success">
            <KeyRound aria-hidden className="size-3" />
            <span>set</span>
          </Badge>{' '}
          <Button size="sm" aria-label={`Replace ${lowerLabel}`} onClick={() => setReplacing(true)}>
            Replace
          </Button>
        </div>
        {/* e.g. the API's "re-enter the password" when the stored address changed meanwhile (SPEC §7a). */}
        {error ? (
          <p id={errorId} className="text-xs text-red-600">
            {error}
          </p>
        ) : null}
      </div>
    );
  }

  const hint = mustReenter
    ? `The address changed, so the stored ${lowerLabel} stays behind: enter it to send it to the new address.`
    : isSet
      ? `The new ${lowerLabel} replaces the stored one when you save.`
      : undefined;
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => (
        <div className="flex items-center gap-2">
          <TextInput
            type="password"
            autoComplete="new-password"
            autoFocus={isSet && replacing}
            required={mustReenter}
            {...control}
            {...form.register(name)}
          />
          {isSet && !mustReenter ? (
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
