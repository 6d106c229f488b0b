import { stepNameSchema, type CustomStepDefinition, type FlowNodeOf } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { ExternalLink } from 'lucide-react';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link } from 'wouter';
import { z } from 'zod';
import { Field, TextArea, TextInput } from '../../ui/Field';
import { useCustomStepCatalog } from '../custom-steps-context';
import { sameJson } from '../graph-rules';
import { inputRecordOf, inputValuesOf, lengthHint } from './custom-step-form';
import { EndpointPicker, useEndpointBaseUrl } from './EndpointPicker';
import { OutputsReference } from './OutputsReference';
import { useLiveStepForm } from './use-live-step-form';
import { useOtherStepNames } from './use-other-step-names';
import { useReferenceProblem } from './use-reference-problem';

type Node = FlowNodeOf<'custom-step'>;

/** Settings of a custom step instance: one field per input of its definition, and its endpoint. */
export function CustomStepSettings({ node, workflowId }: { node: Node; workflowId: string }) {
  const catalog = useCustomStepCatalog();
  const view = catalog.steps.find((s) => s.id === node.data.config.customStepId);
  if (!view) {
    return (
      <div className="flex flex-col gap-2 text-sm text-zinc-600">
        <p>{catalog.loading ? 'Loading the step definition…' : 'This step’s definition no longer exists in the Steps library. Remove the step or replace it.'}</p>
        {!catalog.loading ? (
          <Link href="/steps" className="text-indigo-700 hover:underline">
            Open the Steps library
          </Link>
        ) : null}
      </div>
    );
  }
  // A changed definition (other inputs) needs a fresh form.
  return <DefinedStepSettings key={view.updatedAt} node={node} workflowId={workflowId} definition={{ ...view.step, id: view.id }} />;
}

function DefinedStepSettings({ node, workflowId, definition }: { node: Node; workflowId: string; definition: CustomStepDefinition }) {
  const otherNames = useOtherStepNames(node.id);
  const schema = useMemo(
    () =>
      z.object({
        name: stepNameSchema.superRefine((name, ctx) => {
          if (otherNames().has(name.trim().toLowerCase())) ctx.addIssue({ code: 'custom', message: `Another step is already named "${name.trim()}"` });
        }),
        inputs: z.array(z.string().max(100_000, 'At most 100000 characters')),
        endpointId: z.string().nullable(),
      }),
    [otherNames],
  );
  const valuesOf = () => ({ name: node.data.name, inputs: inputValuesOf(definition, node.data.config), endpointId: node.data.config.endpointId });
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: valuesOf(),
    mode: 'onChange',
  });

  useLiveStepForm({
    nodeId: node.id,
    data: node.data,
    form,
    schema,
    values: valuesOf,
    apply: (output, store) => {
      const current = store.nodes.find((n) => n.id === node.id);
      if (!current || current.type !== 'custom-step') return;
      if (current.data.name !== output.name) store.renameStep(node.id, output.name);
      const config = {
        customStepId: current.data.config.customStepId,
        inputs: inputRecordOf(definition, current.data.config, output.inputs),
        endpointId: output.endpointId,
      };
      if (!sameJson(current.data.config, config)) store.updateStepConfig(node.id, { type: 'custom-step', config });
    },
  });

  const { errors } = form.formState;
  const referenceProblem = useReferenceProblem(node.id);
  const endpointId = form.watch('endpointId') ?? null;
  const baseUrl = useEndpointBaseUrl(workflowId, endpointId);

  return (
    <form className="flex flex-col gap-4" onSubmit={(event) => event.preventDefault()} noValidate>
      <Field label="Step name" error={errors.name?.message}>
        {(control) => <TextInput {...control} autoComplete="off" {...form.register('name')} />}
      </Field>

      {definition.description ? <p className="-mt-1 text-xs leading-relaxed text-zinc-500">{definition.description}</p> : null}

      {definition.includeEndpoint && definition.endpointType === 'flowyard' ? (
        // Bound to the built-in endpoint by the engine: there is nothing to choose.
        <div role="group" aria-label={definition.endpointLabel} className="flex flex-col gap-1">
          <span className="text-sm font-medium text-zinc-800">{definition.endpointLabel}</span>
          <p className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-700">
            Flowyard <span className="text-xs text-zinc-500">(built in: calls Flowyard’s API as the user who started the run)</span>
          </p>
        </div>
      ) : definition.includeEndpoint ? (
        <Field
          label={definition.endpointLabel}
          error={errors.endpointId?.message}
          hint={baseUrl ? `Base URL: ${baseUrl}` : 'The script calls it by this label.'}
        >
          {(control) => (
            <Controller
              control={form.control}
              name="endpointId"
              render={({ field }) => (
                <EndpointPicker workflowId={workflowId} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} control={control} />
              )}
            />
          )}
        </Field>
      ) : null}

      {definition.inputs.length === 0 ? <p className="text-xs text-zinc-400">This step has no inputs.</p> : null}
      {definition.inputs.map((input, index) => {
        const hint = [input.helpText, lengthHint(input.minLength, input.maxLength)].filter(Boolean).join(' · ');
        const error = errors.inputs?.[index]?.message ?? referenceProblem(`inputs.${input.id}`);
        const label = (
          <>
            {input.label}
            {input.required ? (
              <span aria-hidden className="ml-0.5 text-red-600" title="Required">
                *
              </span>
            ) : null}
          </>
        );
        return (
          <Field key={input.id} label={label} error={error} hint={hint || undefined}>
            {(control) =>
              input.multiline ? (
                <TextArea
                  {...control}
                  rows={4}
                  spellCheck={false}
                  aria-required={input.required || undefined}
                  placeholder={input.defaultValue}
                  data-references
                  {...form.register(`inputs.${index}`)}
                />
              ) : (
                <TextInput
                  {...control}
                  autoComplete="off"
                  spellCheck={false}
                  aria-required={input.required || undefined}
                  placeholder={input.defaultValue}
                  data-references
                  {...form.register(`inputs.${index}`)}
                />
              )
            }
          </Field>
        );
      })}

      <Link href={`/steps/${encodeURIComponent(definition.id)}`} className="inline-flex items-center gap-1.5 self-start text-xs text-indigo-700 hover:underline">
        <ExternalLink aria-hidden className="size-3.5" />
        Edit “{definition.name}” in the Steps library
      </Link>

      <OutputsReference prefix={node.data.name} outputs={definition.outputs.map((o) => o.label)} />
    </form>
  );
}
