import {
  httpMethods,
  httpRequestConfigSchema,
  httpRequestOutputs,
  type FlowNodeOf,
} from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { Plus, X } from 'lucide-react';
import { useMemo } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { Button, IconButton } from '../../ui/Button';
import { CheckboxField, Field, Select, TextArea, TextInput } from '../../ui/Field';
import { sameJson } from '../graph-rules';
import { EndpointPicker, useEndpointBaseUrl } from './EndpointPicker';
import { OutputsReference } from './OutputsReference';
import { stepFormSchema } from './step-form-schema';
import { useLiveStepForm } from './use-live-step-form';
import { useOtherStepNames } from './use-other-step-names';
import { UrlPreview } from './UrlPreview';
import { useReferenceProblem } from './use-reference-problem';
import { FieldProblem, problemRef } from './FieldProblem';

type Node = FlowNodeOf<'http-request'>;

function valuesOf(node: Node) {
  return { name: node.data.name, config: node.data.config };
}

/** Settings of an HTTP Request step, validated with the API's schema and applied to the store live. */
export function HttpRequestSettings({ node, workflowId }: { node: Node; workflowId: string }) {
  const otherNames = useOtherStepNames(node.id);
  const schema = useMemo(() => stepFormSchema(httpRequestConfigSchema, otherNames), [otherNames]);
  type Input = z.input<typeof schema>;
  type Output = z.output<typeof schema>;
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(schema), defaultValues: valuesOf(node), mode: 'onChange' });
  const headers = useFieldArray({ control: form.control, name: 'config.headers' });

  useLiveStepForm({
    nodeId: node.id,
    data: node.data,
    form,
    schema,
    values: () => valuesOf(node),
    apply: (output, store) => {
      const current = store.nodes.find((n) => n.id === node.id);
      if (!current) return;
      if (current.data.name !== output.name) store.renameStep(node.id, output.name);
      if (!sameJson(current.data.config, output.config)) store.updateStepConfig(node.id, { type: 'http-request', config: output.config });
    },
  });

  const { errors } = form.formState;
  const referenceProblem = useReferenceProblem(node.id);
  const endpointId = useWatch({ control: form.control, name: 'config.endpointId' }) ?? null;
  const path = useWatch({ control: form.control, name: 'config.path' }) ?? '';
  const autoEncodeURI = useWatch({ control: form.control, name: 'config.autoEncodeURI' }) ?? true;
  const baseUrl = useEndpointBaseUrl(workflowId, endpointId);

  return (
    <form className="flex flex-col gap-4" onSubmit={(event) => event.preventDefault()} noValidate>
      <Field label="Step name" error={errors.name?.message}>
        {(control) => <TextInput {...control} autoComplete="off" {...form.register('name')} />}
      </Field>

      <Field label="Endpoint" error={errors.config?.endpointId?.message} hint={baseUrl ? `Base URL: ${baseUrl}` : undefined}>
        {(control) => (
          <Controller
            control={form.control}
            name="config.endpointId"
            render={({ field }) => (
              <EndpointPicker
                workflowId={workflowId}
                value={field.value ?? null}
                onChange={field.onChange}
                onBlur={field.onBlur}
                control={control}
              />
            )}
          />
        )}
      </Field>

      <div className="grid grid-cols-[7rem_1fr] gap-3">
        <Field label="Method" error={errors.config?.method?.message}>
          {(control) => (
            <Select {...control} {...form.register('config.method')}>
              {httpMethods.map((method) => (
                <option key={method} value={method}>
                  {method}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Path" error={errors.config?.path?.message ?? referenceProblem('path')}>
          {(control) => <TextInput {...control} placeholder="/users?active=true" autoComplete="off" data-references {...form.register('config.path')} />}
        </Field>
      </div>
      {baseUrl ? <UrlPreview nodeId={node.id} baseUrl={baseUrl} path={path} autoEncodeURI={autoEncodeURI} /> : null}

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-sm font-medium text-zinc-800">Headers</legend>
        {headers.fields.length === 0 ? <p className="text-xs text-zinc-400">No headers.</p> : null}
        {headers.fields.map((field, index) => {
          const nameProblem = errors.config?.headers?.[index]?.name?.message;
          const valueProblem = errors.config?.headers?.[index]?.value?.message ?? referenceProblem(`headers.${index}.value`);
          const problemId = `header-problem-${field.id}`;
          return (
            <div key={field.id} className="flex flex-col gap-1">
              <div className="flex items-center gap-1.5">
                <TextInput
                  aria-label="Header name"
                  placeholder="Name"
                  autoComplete="off"
                  aria-invalid={nameProblem ? true : undefined}
                  aria-describedby={problemRef(problemId, nameProblem)}
                  {...form.register(`config.headers.${index}.name`)}
                />
                <TextInput
                  aria-label="Header value"
                  placeholder="Value"
                  autoComplete="off"
                  aria-invalid={valueProblem ? true : undefined}
                  aria-describedby={problemRef(problemId, nameProblem ? undefined : valueProblem)}
                  data-references
                  {...form.register(`config.headers.${index}.value`)}
                />
                <IconButton label={`Remove header ${index + 1}`} tone="danger" icon={<X className="size-4" />} onClick={() => headers.remove(index)} />
              </div>
              <FieldProblem id={problemId} message={nameProblem ?? valueProblem} />
            </div>
          );
        })}
        <div>
          <Button size="sm" variant="ghost" icon={<Plus aria-hidden className="size-3.5" />} onClick={() => headers.append({ name: '', value: '' })}>
            Add header
          </Button>
        </div>
      </fieldset>

      <Field label="Body" error={errors.config?.body?.message ?? referenceProblem('body')}>
        {(control) => <TextArea {...control} rows={5} placeholder='{"id": "{{trigger.body.id}}"}' data-references {...form.register('config.body')} />}
      </Field>

      <div className="grid grid-cols-2 items-end gap-3">
        <Field
          label="Timeout (ms)"
          // An emptied number field reaches the schema as NaN; say what is wanted instead of "expected number".
          error={errors.config?.timeoutMs?.type === 'invalid_type' ? 'Timeout is required (milliseconds)' : errors.config?.timeoutMs?.message}
        >
          {(control) => <TextInput {...control} type="number" min={100} max={300000} step={100} {...form.register('config.timeoutMs', { valueAsNumber: true })} />}
        </Field>
        <CheckboxField label="Encode path automatically" className="pb-2" {...form.register('config.autoEncodeURI')} />
      </div>

      <OutputsReference prefix={node.data.name} outputs={httpRequestOutputs} />
    </form>
  );
}
