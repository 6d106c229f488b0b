import type { CustomStepBody, CustomStepView } from '@flowyard/engine/schemas';
import { customStepEndpointTypes } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Save, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import { useCan } from '../auth/session-context';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { useLeaveWarning } from '../lib/use-leave-warning';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { CheckboxField, Field, FormError, Select, TextArea, TextInput } from '../ui/Field';
import { PageHeader } from '../ui/Page';
import { SaveState } from '../ui/SaveState';
import { DeleteStepDialog } from './DeleteStepDialog';
import { IconPicker } from './IconPicker';
import { InputsEditor } from './InputsEditor';
import { OutputsEditor } from './OutputsEditor';
import { ScriptEditorPanel } from './script/ScriptEditorPanel';
import { StepUsage } from './StepUsage';
import { editorFieldOf, newStepValues, stepEditorSchema, type StepEditorValues } from './step-editor-form';
import { useInvalidateCustomSteps } from './use-custom-steps';

const endpointTypeLabels: Record<(typeof customStepEndpointTypes)[number], string> = {
  any: 'Any',
  flowyard: 'Flowyard',
};

export interface StepEditorFormProps {
  workflowId: string;
  /** The stored step when editing; absent when creating. */
  stored?: CustomStepView;
  /** Show "Saved" from the start (the step was just created and the page moved to its address). */
  justSaved?: boolean;
}

/** The step editor: details, inputs, outputs, endpoint settings, time limit and the script. Save Changes stores it. */
export function StepEditorForm({ workflowId, stored, justSaved = false }: StepEditorFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const invalidate = useInvalidateCustomSteps();
  const create = useMutation(trpc.customSteps.create.mutationOptions());
  const update = useMutation(trpc.customSteps.update.mutationOptions());
  const [savedOnce, setSavedOnce] = useState(justSaved);
  const [deleting, setDeleting] = useState(false);
  const canEdit = useCan('flows.edit');
  const form = useForm<StepEditorValues, unknown, CustomStepBody>({
    // The API's own rules, so a bad value shows here with the message the server would give.
    resolver: zodResolver(stepEditorSchema),
    defaultValues: stored ? stored.step : newStepValues(),
  });
  const { register, formState } = form;
  const { errors } = formState;
  const [includeEndpoint, icon] = useWatch({ control: form.control, name: ['includeEndpoint', 'icon'] });
  useLeaveWarning(formState.isDirty, 'This step has unsaved changes. Leave without saving them?');

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = stored ? await update.mutateAsync({ id: stored.id, step: values }) : await create.mutateAsync({ workflowId, step: values });
      queryClient.setQueryData(trpc.customSteps.get.queryKey({ id: saved.id }), saved);
      void invalidate();
      form.reset(saved.step);
      setSavedOnce(true);
      if (!stored) navigate(`/steps/${encodeURIComponent(saved.id)}`, { replace: true, state: { justSaved: true } });
    } catch (error) {
      const apiError = readApiError(error);
      const other: string[] = [];
      let focused = false;
      for (const issue of apiError.issues) {
        const field = editorFieldOf(issue.path);
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
  const title = stored ? stored.step.name : 'New Step';

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      <PageHeader
        title={title}
        breadcrumb={
          <Link href="/steps" className="hover:text-zinc-900 hover:underline">
            Steps
          </Link>
        }
        description={
          stored && stored.usageCount > 0
            ? `Used in ${stored.usageCount} ${stored.usageCount === 1 ? 'place' : 'places'}: saving changes every flow that uses it.`
            : 'A reusable step: people fill in its inputs on the canvas, and its script runs in a sandbox.'
        }
        actions={
          canEdit ? (
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
          ) : null
        }
      />
      <FormError>{errors.root?.server?.message ? <span className="whitespace-pre-line">{errors.root.server.message}</span> : null}</FormError>

      <Card title="Details">
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field label="Name" error={errors.name?.message} hint="Shown in the palette and on the canvas.">
            {(control) => <TextInput {...control} autoComplete="off" autoFocus={!stored} {...register('name')} />}
          </Field>
          <IconPicker registration={register('icon')} value={icon} />
        </div>
        <Field label="Description" error={errors.description?.message}>
          {(control) => <TextArea {...control} rows={2} className="font-sans" {...register('description')} />}
        </Field>
      </Card>

      <Card title="Inputs" description="Values people set on each use of the step; they may hold references like {{trigger.body.id}}.">
        <InputsEditor form={form} />
      </Card>

      <Card title="Outputs" description="Values the script sets; later steps use them as {{Step Name.Label}}.">
        <OutputsEditor form={form} />
      </Card>

      <Card title="Settings">
        <CheckboxField
          label="Include Endpoint"
          hint="Each use of the step chooses an endpoint; the script calls it by the endpoint label."
          error={errors.includeEndpoint?.message}
          {...register('includeEndpoint')}
        />
        {includeEndpoint ? (
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <Field label="Endpoint Type" error={errors.endpointType?.message} hint="Flowyard: this server’s own API, as the person who runs the flow.">
              {(control) => (
                <Select {...control} {...register('endpointType')}>
                  {customStepEndpointTypes.map((type) => (
                    <option key={type} value={type}>
                      {endpointTypeLabels[type]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Endpoint Label" error={errors.endpointLabel?.message} hint="Names the endpoint on the canvas and in http.request({ endpoint: … }).">
              {(control) => <TextInput {...control} autoComplete="off" {...register('endpointLabel')} />}
            </Field>
          </div>
        ) : null}
        <Field
          label="Time limit (ms)"
          className="max-w-xs"
          // An emptied number field reaches the schema as NaN; say what is wanted instead of "expected number".
          error={errors.timeoutMs?.type === 'invalid_type' ? 'Time limit is required (milliseconds)' : errors.timeoutMs?.message}
          hint="The script fails with SCRIPT_TIMEOUT after this long (at most 60000)."
        >
          {(control) => <TextInput {...control} type="number" min={100} max={60000} step={100} {...register('timeoutMs', { valueAsNumber: true })} />}
        </Field>
      </Card>

      <Card title="Script">
        <ScriptEditorPanel form={form} workflowId={workflowId} onSaveShortcut={save} />
      </Card>

      {stored && stored.usageCount > 0 ? (
        <Card title="Usage" description="Flows that use this step; saving changes applies to all of them.">
          <StepUsage customStepId={stored.id} />
        </Card>
      ) : null}

      {stored ? <DeleteStepDialog step={deleting ? stored : null} onClose={() => setDeleting(false)} onDeleted={() => navigate('/steps')} /> : null}
    </form>
  );
}
