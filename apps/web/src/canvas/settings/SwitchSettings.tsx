import { switchConfigSchema, switchOutputs, type FlowNodeOf } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { Plus, X } from 'lucide-react';
import { useMemo } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Button, IconButton } from '../../ui/Button';
import { Field, TextInput } from '../../ui/Field';
import { FieldProblem, problemRef } from './FieldProblem';
import { sameJson } from '../graph-rules';
import { OutputsReference } from './OutputsReference';
import { stepFormSchema } from './step-form-schema';
import { useLiveStepForm } from './use-live-step-form';
import { useOtherStepNames } from './use-other-step-names';
import { useReferenceProblem } from './use-reference-problem';

type Node = FlowNodeOf<'switch'>;

function valuesOf(node: Node) {
  return { name: node.data.name, config: node.data.config };
}

/** Settings of a Switch: the value to compare, and the cases, each an outgoing branch on the canvas. */
export function SwitchSettings({ node }: { node: Node }) {
  const otherNames = useOtherStepNames(node.id);
  const schema = useMemo(() => stepFormSchema(switchConfigSchema, otherNames), [otherNames]);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: valuesOf(node),
    mode: 'onChange',
  });
  // The case's own `id` is its handle id; keep React's list key apart from it.
  const cases = useFieldArray({ control: form.control, name: 'config.cases', keyName: 'key' });

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
      if (!sameJson(current.data.config, output.config)) store.updateStepConfig(node.id, { type: 'switch', config: output.config });
    },
  });

  const { errors } = form.formState;
  const referenceProblem = useReferenceProblem(node.id);

  return (
    <form className="flex flex-col gap-4" onSubmit={(event) => event.preventDefault()} noValidate>
      <Field label="Step name" error={errors.name?.message}>
        {(control) => <TextInput {...control} autoComplete="off" {...form.register('name')} />}
      </Field>

      <Field
        label="Value"
        error={errors.config?.value?.message ?? referenceProblem('value')}
        hint="The text compared with each case; it may hold references such as {{trigger.body.type}}."
      >
        {(control) => <TextInput {...control} autoComplete="off" spellCheck={false} data-references {...form.register('config.value')} />}
      </Field>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-sm font-medium text-zinc-800">Cases</legend>
        <p className="-mt-1 text-xs text-zinc-500">
          The first case whose value equals the Value wins, and only its branch runs. When none matches, the flow continues from the{' '}
          <strong className="font-semibold text-zinc-700">default</strong> branch.
        </p>
        {cases.fields.length === 0 ? <p className="text-xs text-zinc-400">No cases yet: every run takes the default branch.</p> : null}
        {cases.fields.map((field, index) => {
          const problem = errors.config?.cases?.[index]?.value?.message ?? referenceProblem(`cases.${index}.value`);
          const problemId = `case-problem-${field.key}`;
          return (
            <div key={field.key} className="flex flex-col gap-1">
              <div className="flex items-center gap-1.5">
                <TextInput
                  aria-label={`Case ${index + 1} value`}
                  placeholder={`Case ${index + 1}`}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problemRef(problemId, problem)}
                  data-references
                  {...form.register(`config.cases.${index}.value`)}
                />
                <IconButton label={`Remove case ${index + 1}`} tone="danger" icon={<X className="size-4" />} onClick={() => cases.remove(index)} />
              </div>
              <FieldProblem id={problemId} message={problem} />
            </div>
          );
        })}
        <div>
          <Button
            size="sm"
            variant="ghost"
            icon={<Plus aria-hidden className="size-3.5" />}
            onClick={() => cases.append({ id: crypto.randomUUID(), value: '' })}
          >
            Add case
          </Button>
        </div>
      </fieldset>

      <OutputsReference prefix={node.data.name} outputs={switchOutputs} />
    </form>
  );
}
