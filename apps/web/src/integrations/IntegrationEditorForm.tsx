import type { IntegrationBody, IntegrationKind, IntegrationSaved, IntegrationView } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Check, CircleDot, Save, ScrollText, Trash2 } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import { useCan, useCurrentUser } from '../auth/session-context';
import { usePublicUrl } from '../canvas/settings/use-public-url';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { useLeaveWarning } from '../lib/use-leave-warning';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { CheckboxField, Field, FormError, TextArea, TextInput } from '../ui/Field';
import { PageHeader } from '../ui/Page';
import { DeleteIntegrationDialog } from './DeleteIntegrationDialog';
import { InboundAuthFields } from './InboundAuthFields';
import { inboundUrl } from './inbound-url';
import { InboundUrlSection } from './InboundUrlSection';
import { integrationFieldOf, integrationFormSchema, kindLabels, newIntegrationValues, type IntegrationFormValues } from './integration-form';
import { integrationHref, integrationLogHref, integrationsHref } from './integration-links';
import { IntegrationScriptPanel } from './IntegrationScriptPanel';
import { IntegrationTestPanel } from './IntegrationTestPanel';
import { OutboundTriggerFields } from './OutboundTriggerFields';
import { TokenUrlDialog } from './TokenUrlDialog';
import { useInvalidateIntegrations } from './use-integrations';
import { useWorkflowFlows } from './use-workflow-flows';

export interface IntegrationEditorFormProps {
  workflowId: string;
  /** The stored integration when editing; absent when creating one of `kind`. */
  stored?: IntegrationView;
  kind: IntegrationKind;
  /** Show "Saved" from the start (it was just created and the page moved to its address). */
  justSaved?: boolean;
}

/**
 * The integration editor: details, authentication (inbound) or trigger and rate limit (outbound),
 * the script with its available objects, Test script, and for a stored inbound integration its URL.
 */
export function IntegrationEditorForm({ workflowId, stored, kind, justSaved = false }: IntegrationEditorFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const me = useCurrentUser();
  const canEdit = useCan('flows.edit');
  const canViewLog = useCan('runs.view');
  const invalidate = useInvalidateIntegrations();
  const publicUrl = usePublicUrl(workflowId);
  const { flows, more: moreFlows } = useWorkflowFlows(workflowId);
  const create = useMutation(trpc.integrations.create.mutationOptions());
  const update = useMutation(trpc.integrations.update.mutationOptions());
  const [savedOnce, setSavedOnce] = useState(justSaved);
  const [deleting, setDeleting] = useState(false);
  // A token just made (create, rotate, switch to URL authentication): its URL, shown once.
  const [fresh, setFresh] = useState<{ url: string; name: string; then?: string } | null>(null);
  const form = useForm<IntegrationFormValues, unknown, IntegrationBody>({
    // The API's own rules, so a bad value shows here with the message the server would give.
    resolver: zodResolver(integrationFormSchema),
    defaultValues: stored ? stored.integration : newIntegrationValues(kind, me.id),
  });
  const { register, formState } = form;
  useLeaveWarning(formState.isDirty, 'This integration has unsaved changes. Leave without saving them?');

  const showToken = (saved: IntegrationSaved, then?: string) => {
    if (saved.tokenPath === null) return false;
    setFresh({ url: inboundUrl(publicUrl, saved.tokenPath), name: saved.integration.integration.name, ...(then ? { then } : {}) });
    return true;
  };

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = stored ? await update.mutateAsync({ id: stored.id, integration: values }) : await create.mutateAsync({ workflowId, integration: values });
      queryClient.setQueryData(trpc.integrations.get.queryKey({ id: saved.integration.id }), saved.integration);
      void invalidate();
      form.reset(saved.integration.integration);
      setSavedOnce(true);
      const target = stored ? undefined : integrationHref(saved.integration.id);
      // A new integration moves to its own address; with a fresh token only once its URL was seen.
      if (!showToken(saved, target) && target) navigate(target, { replace: true, state: { justSaved: true } });
    } catch (error) {
      const apiError = readApiError(error);
      const other: string[] = [];
      let focused = false;
      for (const issue of apiError.issues) {
        const field = integrationFieldOf(issue.path);
        if (field === undefined) {
          other.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
          continue;
        }
        form.setError(field, { type: 'server', message: issue.message }, { shouldFocus: !focused });
        focused = true;
      }
      if (other.length > 0 || !focused) form.setError('root.server', { type: 'server', message: other.length > 0 ? other.join('\n') : apiError.message });
    }
  });

  const save = () => void onSubmit();
  const title = stored ? stored.integration.name : `New ${kindLabels[kind]} Integration`;
  const errorOf = (name: 'name' | 'description' | 'timeoutMs') => form.getFieldState(name, formState).error;
  const timeoutError = errorOf('timeoutMs');

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      <PageHeader
        title={title}
        breadcrumb={
          <Link href={integrationsHref} className="hover:text-zinc-900 hover:underline">
            Integrations
          </Link>
        }
        description={
          kind === 'inbound'
            ? 'A URL other systems call; each call runs the script, which may start flows and answer the caller.'
            : 'A script Flowyard runs when runs end or steps fail, e.g. to tell a chat channel.'
        }
        actions={
          <>
            <Badge tone="accent">{kindLabels[kind]}</Badge>
            {stored && canViewLog ? (
              <Link href={integrationLogHref(stored.id)} className="inline-flex items-center gap-1 px-2 text-sm font-medium text-indigo-700 hover:underline">
                <ScrollText aria-hidden className="size-4" />
                View log
              </Link>
            ) : null}
            {canEdit ? (
              <>
                <SaveState dirty={formState.isDirty} saved={savedOnce} />
                {stored ? (
                  <Button variant="ghost" icon={<Trash2 aria-hidden className="size-4" />} onClick={() => setDeleting(true)}>
                    Delete
                  </Button>
                ) : null}
                <Button type="submit" variant="primary" disabled={formState.isSubmitting} icon={<Save aria-hidden className="size-4" />}>
                  Save Changes
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <FormError>{formState.errors.root?.server?.message ? <span className="whitespace-pre-line">{formState.errors.root.server.message}</span> : null}</FormError>

      <Card title="Details">
        <Field label="Name" className="max-w-xl" error={errorOf('name')?.message} hint="Unique in the workflow.">
          {(control) => <TextInput {...control} autoComplete="off" autoFocus={!stored} {...register('name')} />}
        </Field>
        <Field label="Description" error={errorOf('description')?.message}>
          {(control) => <TextArea {...control} rows={2} className="font-sans" {...register('description')} />}
        </Field>
        <div className="flex flex-wrap items-start gap-8">
          <CheckboxField
            label="Enabled"
            hint={kind === 'inbound' ? 'Disabled, its URL answers 404 and nothing runs.' : 'Disabled, events do not run the script.'}
            {...register('enabled')}
          />
          <Field
            label="Time limit (ms)"
            className="w-56"
            // An emptied number field reaches the schema as NaN; say what is wanted instead of "expected number".
            error={timeoutError?.type === 'invalid_type' ? 'Time limit is required (milliseconds)' : timeoutError?.message}
            hint="The script fails with SCRIPT_TIMEOUT after this long (at most 60000)."
          >
            {(control) => <TextInput {...control} type="number" min={100} max={60000} step={100} {...register('timeoutMs', { valueAsNumber: true })} />}
          </Field>
        </div>
      </Card>

      {kind === 'inbound' ? (
        <Card title="Authentication">
          <InboundAuthFields form={form} storedActAs={stored?.actAs ?? null} />
        </Card>
      ) : (
        <Card title="Trigger" description="The events that run the script. Runs an integration started never trigger it again (loop guard).">
          <OutboundTriggerFields form={form} flows={flows} moreFlows={moreFlows} />
        </Card>
      )}

      {stored?.integration.kind === 'inbound' ? (
        <Card title="Inbound URL">
          <InboundUrlSection stored={stored} publicUrl={publicUrl} dirty={formState.isDirty} canEdit={canEdit} onToken={(saved) => showToken(saved)} />
        </Card>
      ) : kind === 'inbound' ? (
        <Card title="Inbound URL">
          <p className="text-sm text-zinc-500">Save the integration to get its URL.</p>
        </Card>
      ) : null}

      <Card title="Script">
        <IntegrationScriptPanel form={form} kind={kind} workflowId={workflowId} flowNames={flows?.map((flow) => flow.name)} onSaveShortcut={save} />
      </Card>

      {canEdit ? (
        <Card title="Test script" description={kind === 'inbound' ? 'Try the script with a sample call.' : 'Try the script with a sample event.'}>
          <IntegrationTestPanel form={form} kind={kind} workflowId={workflowId} flows={flows} />
        </Card>
      ) : null}

      <TokenUrlDialog
        url={fresh?.url ?? null}
        integrationName={fresh?.name ?? ''}
        onClose={() => {
          const then = fresh?.then;
          setFresh(null);
          if (then) navigate(then, { replace: true, state: { justSaved: true } });
        }}
      />
      {stored ? <DeleteIntegrationDialog integration={deleting ? stored : null} onClose={() => setDeleting(false)} onDeleted={() => navigate(integrationsHref)} /> : null}
    </form>
  );
}

function Card({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-4 rounded-lg border border-zinc-200 bg-white p-5">
      <div className="flex flex-col gap-0.5">
        <h2 className="text-base font-semibold text-zinc-900">{title}</h2>
        {description ? <p className="text-sm text-zinc-500">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

function SaveState({ dirty, saved }: { dirty: boolean; saved: boolean }) {
  if (dirty) {
    return (
      <span role="status" className="inline-flex items-center gap-1.5 text-xs font-medium text-amber-700">
        <CircleDot aria-hidden className="size-3.5" />
        Unsaved changes
      </span>
    );
  }
  if (!saved) return <span role="status" />;
  return (
    <span role="status" className="inline-flex items-center gap-1.5 text-xs text-emerald-700">
      <Check aria-hidden className="size-3.5" />
      Saved
    </span>
  );
}
