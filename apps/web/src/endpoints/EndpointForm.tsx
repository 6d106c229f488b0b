import { authTypeLabels, authTypeSchema, authTypes, type AuthType, type EndpointView } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTRPC } from '../lib/trpc';
import { formLevelMessage, readApiError, splitIssues } from '../lib/trpc-error';
import { Button } from '../ui/Button';
import { DialogBody, DialogClose, DialogFooter } from '../ui/Dialog';
import { CheckboxField, Field, FormError, Select, TextInput } from '../ui/Field';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../ui/Tabs';
import {
  allowsSelfSigned,
  endpointCreateFormSchema,
  endpointFormFields,
  endpointUpdateFormSchema,
  endpointValues,
  newAuthValues,
  newEndpointValues,
  type EndpointFormOutput,
  type EndpointFormValues,
} from './endpoint-form';
import { EndpointUsageTab } from './EndpointUsageTab';
import { PasswordField } from './PasswordField';
import { useInvalidateEndpoints } from './use-endpoints';

export interface EndpointFormProps {
  workflowId: string;
  /** The stored endpoint when editing; absent when creating. */
  endpoint?: EndpointView;
  lockedAuthType?: AuthType;
  initialTab?: 'settings' | 'usage';
  onSaved?(endpoint: EndpointView): void;
  onClose(): void;
}

/** The endpoint dialog's body: Settings (and Usage when used) tabs, Save Changes and Close. */
export function EndpointForm({ workflowId, endpoint, lockedAuthType, initialTab, onSaved, onClose }: EndpointFormProps) {
  const trpc = useTRPC();
  const invalidateEndpoints = useInvalidateEndpoints();
  const create = useMutation(trpc.endpoints.create.mutationOptions());
  const update = useMutation(trpc.endpoints.update.mutationOptions());
  const form = useForm<EndpointFormValues, unknown, EndpointFormOutput>({
    // The API's own rules: a bad value is caught here with the same message the server would give.
    resolver: endpoint ? zodResolver(endpointUpdateFormSchema) : zodResolver(endpointCreateFormSchema),
    defaultValues: endpoint ? endpointValues(endpoint) : newEndpointValues(lockedAuthType),
  });
  const { register, setValue, getValues, setError, watch, formState } = form;
  const fieldError = (name: (typeof endpointFormFields)[number]) => form.getFieldState(name, formState).error?.message;

  const authType = watch('auth.type');
  const selfSignedAllowed = allowsSelfSigned(watch('baseUrl'));
  const authLocked = endpoint !== undefined || lockedAuthType !== undefined;

  useEffect(() => {
    // An http endpoint cannot trust self-signed certificates; do not send a stale "on".
    if (!selfSignedAllowed && getValues('trustSelfSigned')) setValue('trustSelfSigned', false);
  }, [selfSignedAllowed, getValues, setValue]);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = endpoint
        ? await update.mutateAsync({ ...values, id: endpoint.id })
        : await create.mutateAsync({ ...values, workflowId });
      // Wait for open lists and pickers to hold the saved endpoint before handing it on, so a
      // picker that selects it never shows an id it has no option for.
      await invalidateEndpoints();
      onSaved?.(saved);
      onClose();
    } catch (error) {
      const apiError = readApiError(error);
      const { byField, other } = splitIssues(apiError.issues, endpointFormFields);
      byField.forEach(({ field, message }, index) => setError(field, { type: 'server', message }, { shouldFocus: index === 0 }));
      const message = formLevelMessage(apiError, other, byField.length);
      if (message) setError('root.server', { type: 'server', message });
    }
  });

  const showUsage = endpoint !== undefined && endpoint.usageCount > 0;
  const passwordSet = endpoint?.auth.type === 'basic' && endpoint.auth.passwordSet;

  return (
    <form noValidate onSubmit={onSubmit} className="flex min-h-0 flex-1 flex-col">
      <DialogBody className="pt-2">
        <Tabs defaultValue={showUsage && initialTab === 'usage' ? 'usage' : 'settings'}>
          <TabsList>
            <TabsTrigger value="settings">Settings</TabsTrigger>
            {showUsage ? (
              <TabsTrigger value="usage">
                Usage{' '}
                {/* Kept out of the accessible name so the tab is named exactly "Usage". */}
                <span aria-hidden className="ml-1 text-xs text-zinc-400">
                  {endpoint.usageCount}
                </span>
              </TabsTrigger>
            ) : null}
          </TabsList>

          <TabsContent value="settings" className="flex flex-col gap-4 pt-4">
            <Field label="Name" error={fieldError('name')}>
              {(control) => <TextInput autoComplete="off" data-autofocus {...control} {...register('name')} />}
            </Field>
            <Field label="Base URL" error={fieldError('baseUrl')} hint="For example https://api.example.com/v1. Steps add their path to it.">
              {(control) => (
                <TextInput
                  type="url"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="https://"
                  {...control}
                  {...register('baseUrl')}
                />
              )}
            </Field>
            <CheckboxField
              label="Trust self-signed certificates"
              hint={selfSignedAllowed ? 'The host name and validity dates are still checked.' : 'Only for https:// base URLs.'}
              error={fieldError('trustSelfSigned')}
              disabled={!selfSignedAllowed}
              {...register('trustSelfSigned')}
            />

            <fieldset className="flex flex-col gap-4 rounded-lg border border-zinc-200 p-4">
              <legend className="px-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Authorization</legend>
              <Field
                label="Authentication"
                error={fieldError('auth.type')}
                hint={
                  endpoint
                    ? 'The authentication type cannot be changed after creation.'
                    : lockedAuthType
                      ? 'This step needs this authentication type.'
                      : undefined
                }
              >
                {(control) => (
                  <Select
                    {...control}
                    value={authType}
                    disabled={authLocked}
                    onChange={(event) =>
                      setValue('auth', newAuthValues(authTypeSchema.parse(event.target.value)), { shouldDirty: true })
                    }
                  >
                    {authTypes.map((type) => (
                      <option key={type} value={type}>
                        {authTypeLabels[type]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              {authType === 'basic' ? (
                <>
                  <Field label="Username" error={fieldError('auth.username')}>
                    {(control) => <TextInput autoComplete="off" spellCheck={false} {...control} {...register('auth.username')} />}
                  </Field>
                  <PasswordField form={form} passwordSet={passwordSet} />
                  <CheckboxField
                    label="Preemptive"
                    hint="Send credentials with every request instead of waiting for a 401 challenge."
                    error={fieldError('auth.preemptive')}
                    {...register('auth.preemptive')}
                  />
                </>
              ) : null}
            </fieldset>
            <FormError>{formState.errors.root?.server?.message}</FormError>
          </TabsContent>

          {showUsage ? (
            <TabsContent value="usage" className="pt-4">
              <EndpointUsageTab endpointId={endpoint.id} onNavigate={onClose} />
            </TabsContent>
          ) : null}
        </Tabs>
      </DialogBody>
      <DialogFooter>
        <DialogClose asChild>
          <Button>Close</Button>
        </DialogClose>
        <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
          Save Changes
        </Button>
      </DialogFooter>
    </form>
  );
}
