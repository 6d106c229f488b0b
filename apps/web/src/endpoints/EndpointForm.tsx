import { authTypeLabels, type AuthType, type EndpointView } from '@flowyard/engine/schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useCan } from '../auth/session-context';
import { useTRPC } from '../lib/trpc';
import { formLevelMessage, readApiError, splitIssues } from '../lib/trpc-error';
import { Button } from '../ui/Button';
import { DialogBody, DialogClose, DialogFooter } from '../ui/Dialog';
import { CheckboxField, Field, FormError, TextInput } from '../ui/Field';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../ui/Tabs';
import { useConfirm } from '../ui/use-confirm';
import { AuthSection } from './auth/AuthSection';
import { TestRequestPanel } from './auth/TestRequestPanel';
import { useAuthSettings } from './auth/use-auth-settings';
import {
  allowsSelfSigned,
  defaultSalesforceLoginUrl,
  endpointFormFields,
  endpointValues,
  newEndpointValues,
  type EndpointFormOutput,
  type EndpointFormValues,
} from './endpoint-form';
import { endpointFormResolver } from './endpoint-form-resolver';
import { EndpointUsageTab } from './EndpointUsageTab';
import { useInvalidateEndpoints } from './use-endpoints';
import { useRenameScriptsConfirm } from './use-rename-scripts-confirm';

export interface EndpointFormProps {
  workflowId: string;
  /** The stored endpoint when editing; absent when creating. */
  endpoint?: EndpointView;
  lockedAuthType?: AuthType;
  initialTab?: 'settings' | 'usage';
  /** Called after every save, including the save that Connect and the tests do first. */
  onSaved?(endpoint: EndpointView): void;
  onClose(): void;
  /** Told whenever the form starts or stops holding unsaved edits (closing then asks first). */
  onDirtyChange?(dirty: boolean): void;
}

/** What a test or Connect does before it acts: ask when its save fixes the type, then save. */
export interface SaveFirst {
  /** True when nothing needs asking or the person agreed to save (and so fix the authentication type). */
  confirm(purpose: 'test' | 'connect'): Promise<boolean>;
  /** The stored endpoint, saved first when it is new or edited; null when the save was refused. */
  save(): Promise<EndpointView | null>;
}

type EndpointTab = 'settings' | 'test' | 'usage';

/**
 * The endpoint dialog's body: Settings, Test (once saved) and Usage (when used) tabs, Save Changes
 * and Close. Connect and the Test buttons save the endpoint first and keep the dialog open, so a
 * new endpoint becomes a stored one without leaving the dialog; as that save fixes its
 * authentication type, they ask first ("Save and test?").
 */
export function EndpointForm({ workflowId, endpoint, lockedAuthType, initialTab, onSaved, onClose, onDirtyChange }: EndpointFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidateEndpoints = useInvalidateEndpoints();
  const create = useMutation(trpc.endpoints.create.mutationOptions());
  const update = useMutation(trpc.endpoints.update.mutationOptions());
  const renameScripts = useRenameScriptsConfirm();
  const saveQuestion = useConfirm();
  // The endpoint as last stored: the prop when editing, then whatever a save or Connect returned.
  const [current, setCurrent] = useState(endpoint);
  const currentRef = useRef(current);
  currentRef.current = current;
  const salesforceLoginUrl = useAuthSettings().data?.salesforceLoginUrl ?? defaultSalesforceLoginUrl;
  const loginUrlRef = useRef(salesforceLoginUrl);
  loginUrlRef.current = salesforceLoginUrl;
  // Creating and updating have different rules for secrets (required vs. absent = keep, unless moved).
  const [resolver] = useState(() => endpointFormResolver(() => ({ stored: currentRef.current, salesforceLoginUrl: loginUrlRef.current })));
  const form = useForm<EndpointFormValues, unknown, EndpointFormOutput>({
    // The API's own rules: a bad value is caught here with the same message the server would give.
    resolver,
    defaultValues: endpoint ? endpointValues(endpoint) : newEndpointValues(lockedAuthType),
  });
  const { register, setValue, getValues, setError, watch, formState } = form;
  const fieldError = (name: (typeof endpointFormFields)[number]) => form.getFieldState(name, formState).error?.message;
  // Read during render so the form tracks it: saveFirst asks whether there is anything to save.
  const dirty = formState.isDirty;
  useEffect(() => onDirtyChange?.(dirty), [onDirtyChange, dirty]);
  const [tab, setTab] = useState<EndpointTab>(endpoint && endpoint.usageCount > 0 && initialTab === 'usage' ? 'usage' : 'settings');

  const selfSignedAllowed = allowsSelfSigned(watch('baseUrl'));

  useEffect(() => {
    // An http endpoint cannot trust self-signed certificates; do not send a stale "on".
    if (!selfSignedAllowed && getValues('trustSelfSigned')) setValue('trustSelfSigned', false);
  }, [selfSignedAllowed, getValues, setValue]);

  /** Stores valid values; on refusal shows the API's messages under the fields and returns null. */
  const persist = async (values: EndpointFormOutput): Promise<EndpointView | null> => {
    try {
      const stored = currentRef.current;
      // A rename that scripts would miss asks first: rewrite them, keep them, or do not save.
      const updateScripts = stored ? await renameScripts.confirm(stored, values.name) : false;
      if (updateScripts === null) return null;
      const saved = stored
        ? await update.mutateAsync({ ...values, id: stored.id, updateScripts })
        : await create.mutateAsync({ ...values, workflowId });
      if (updateScripts) void queryClient.invalidateQueries({ queryKey: trpc.customSteps.pathKey() });
      // Wait for open lists and pickers to hold the saved endpoint before handing it on, so a
      // picker that selects it never shows an id it has no option for.
      await invalidateEndpoints();
      currentRef.current = saved;
      setCurrent(saved);
      // Secrets just typed are now stored: the form goes back to "set" with Replace.
      form.reset(endpointValues(saved));
      onSaved?.(saved);
      return saved;
    } catch (error) {
      const apiError = readApiError(error);
      const { byField, other } = splitIssues(apiError.issues, endpointFormFields);
      byField.forEach(({ field, message }, index) => setError(field, { type: 'server', message }, { shouldFocus: index === 0 }));
      const message = formLevelMessage(apiError, other, byField.length);
      if (message) setError('root.server', { type: 'server', message });
      return null;
    }
  };

  /** What Connect and the tests act on: the stored endpoint, saved first when it is new or edited. */
  const saveFirst = async (): Promise<EndpointView | null> => {
    const stored = currentRef.current;
    if (stored && !form.formState.isDirty) return stored;
    const outcome: { saved: EndpointView | null } = { saved: null };
    await form.handleSubmit(async (values) => {
      outcome.saved = await persist(values);
    })();
    // Problems are shown under the fields, which live on the Settings tab.
    if (outcome.saved === null) setTab('settings');
    return outcome.saved;
  };

  /**
   * The save before a test or Connect fixes the authentication type of a new endpoint (or an
   * imported one's first save): ask first, once the values are known to be valid.
   */
  const confirmSave = async (purpose: 'test' | 'connect'): Promise<boolean> => {
    const stored = currentRef.current;
    const fixesType = stored === undefined || (stored.needsCredentials && form.formState.isDirty);
    if (!fixesType || lockedAuthType !== undefined) return true;
    if (!(await form.trigger())) {
      setTab('settings');
      return false;
    }
    const what = purpose === 'connect' ? 'Connecting' : 'Testing';
    return saveQuestion.ask({
      title: purpose === 'connect' ? 'Save and connect?' : 'Save and test?',
      body: (
        <p>
          <strong className="font-semibold text-zinc-900">{getValues('name')}</strong> is not saved yet. {what} saves it first, and
          from then on its authentication type, <strong className="font-semibold text-zinc-900">{authTypeLabels[getValues('auth.type')]}</strong>,
          can no longer be changed.
        </p>
      ),
      confirmLabel: purpose === 'connect' ? 'Save and connect' : 'Save and test',
    });
  };
  const saveFirstActions: SaveFirst = { confirm: confirmSave, save: saveFirst };

  /** Reloads the stored endpoint (e.g. after Connect stored tokens) without touching edits in progress. */
  const reload = async (): Promise<void> => {
    const stored = currentRef.current;
    if (!stored) return;
    await invalidateEndpoints();
    const fresh = await queryClient.fetchQuery({ ...trpc.endpoints.get.queryOptions({ id: stored.id }), staleTime: 0 });
    currentRef.current = fresh;
    setCurrent(fresh);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    if (await persist(values)) onClose();
  });

  const showUsage = current !== undefined && current.usageCount > 0;
  // The built-in Flowyard endpoint keeps its name and base URL (SPEC §2); the API refuses changes too.
  const builtIn = current?.builtIn === true;
  const canEdit = useCan('flows.edit');

  return (
    <form noValidate onSubmit={onSubmit} className="flex min-h-0 flex-1 flex-col">
      <DialogBody className="pt-2">
        <Tabs value={tab} onValueChange={(value) => setTab(value === 'test' || value === 'usage' ? value : 'settings')}>
          <TabsList>
            <TabsTrigger value="settings">Settings</TabsTrigger>
            {current ? <TabsTrigger value="test">Test</TabsTrigger> : null}
            {showUsage ? (
              <TabsTrigger value="usage">
                Usage{' '}
                {/* Kept out of the accessible name so the tab is named exactly "Usage". */}
                <span aria-hidden className="ml-1 text-xs text-zinc-400">
                  {current.usageCount}
                </span>
              </TabsTrigger>
            ) : null}
          </TabsList>

          {/* Kept mounted while another tab shows, so a secret being replaced stays being replaced. */}
          <TabsContent value="settings" forceMount className="flex flex-col gap-4 pt-4 data-[state=inactive]:hidden">
            {builtIn ? (
              <p className="rounded-md border border-indigo-100 bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
                Built in: this endpoint calls Flowyard’s own API as the user who started the run, so a step can never do more than that
                user may. Its name and base URL cannot be changed.
              </p>
            ) : null}
            <Field label="Name" error={fieldError('name')}>
              {(control) => <TextInput autoComplete="off" data-autofocus readOnly={builtIn} {...control} {...register('name')} />}
            </Field>
            <Field
              label="Base URL"
              error={fieldError('baseUrl')}
              hint={builtIn ? 'This server’s public URL (FLOWYARD_PUBLIC_URL).' : 'For example https://api.example.com/v1. Steps add their path to it.'}
            >
              {(control) => (
                <TextInput
                  type="url"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="https://"
                  readOnly={builtIn}
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
            <AuthSection
              form={form}
              stored={current}
              lockedAuthType={lockedAuthType}
              saveFirst={saveFirstActions}
              reload={reload}
            />
            <FormError>{formState.errors.root?.server?.message}</FormError>
          </TabsContent>

          {current ? (
            <TabsContent value="test" forceMount className="pt-4 data-[state=inactive]:hidden">
              <TestRequestPanel endpoint={current} saveFirst={saveFirstActions} />
            </TabsContent>
          ) : null}

          {showUsage ? (
            <TabsContent value="usage" className="pt-4">
              <EndpointUsageTab endpointId={current.id} onNavigate={onClose} />
            </TabsContent>
          ) : null}
        </Tabs>
      </DialogBody>
      <DialogFooter>
        <DialogClose asChild>
          <Button>Close</Button>
        </DialogClose>
        {canEdit && !builtIn ? (
          <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
            Save Changes
          </Button>
        ) : null}
      </DialogFooter>
      {renameScripts.dialog}
      {saveQuestion.dialog}
    </form>
  );
}
