import { manualTriggerConfigSchema, manualTriggerOutputs, type FlowNodeOf } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { sameJson } from '../graph-rules';
import { Field, TextArea, TextInput } from '../../ui/Field';
import { parseTestPayload } from '../test-payload';
import { OutputsReference } from './OutputsReference';
import { stepFormSchema } from './step-form-schema';
import { useLiveStepForm } from './use-live-step-form';
import { useOtherStepNames } from './use-other-step-names';

type Node = FlowNodeOf<'manual-trigger'>;

function valuesOf(node: Node) {
  return { name: node.data.name, config: node.data.config };
}

/** The trigger's config, with the test payload required to be JSON (a bad one stays in the form with its error). */
const triggerConfigSchema = manualTriggerConfigSchema.superRefine((config, ctx) => {
  const parsed = parseTestPayload(config.testPayload);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['testPayload'], message: parsed.error });
});

/**
 * Settings of a Manual trigger: its name and the test payload, a sample body whose fields later
 * steps list under Available data. The Run dialog starts from it and remembers what it ran with.
 */
export function ManualTriggerSettings({ node }: { node: Node }) {
  const otherNames = useOtherStepNames(node.id);
  const schema = useMemo(() => stepFormSchema(triggerConfigSchema, otherNames), [otherNames]);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: valuesOf(node),
    mode: 'onChange',
  });

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
      if (!sameJson(current.data.config, output.config)) store.updateStepConfig(node.id, { type: 'manual-trigger', config: output.config });
    },
  });

  return (
    <form className="flex flex-col gap-4" onSubmit={(event) => event.preventDefault()} noValidate>
      <Field label="Step name" error={form.formState.errors.name?.message}>
        {(control) => <TextInput {...control} autoComplete="off" {...form.register('name')} />}
      </Field>
      <Field
        label="Test payload"
        error={form.formState.errors.config?.testPayload?.message}
        hint="A sample JSON body: Run starts from it, and later steps list its fields under Available data."
      >
        {(control) => <TextArea {...control} rows={8} spellCheck={false} {...form.register('config.testPayload')} />}
      </Field>
      <OutputsReference prefix="trigger" outputs={manualTriggerOutputs} />
    </form>
  );
}
