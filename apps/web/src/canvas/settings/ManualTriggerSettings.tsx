import { manualTriggerConfigSchema, manualTriggerOutputs, type FlowNodeOf } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Field, TextInput } from '../../ui/Field';
import { flowStore } from '../flow-store';
import { OutputsReference } from './OutputsReference';
import { stepFormSchema } from './step-form-schema';
import { useLiveStepForm } from './use-live-step-form';
import { useOtherStepNames } from './use-other-step-names';

type Node = FlowNodeOf<'manual-trigger'>;

function valuesOf(node: Node) {
  return { name: node.data.name, config: node.data.config };
}

/** Settings of a Manual trigger: its name; the test payload is edited in the Run dialog and remembered here. */
export function ManualTriggerSettings({ node }: { node: Node }) {
  const otherNames = useOtherStepNames(node.id);
  const schema = useMemo(() => stepFormSchema(manualTriggerConfigSchema, otherNames), [otherNames]);
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
    apply: (output) => {
      const store = flowStore.getState();
      const current = store.nodes.find((n) => n.id === node.id);
      if (current && current.data.name !== output.name) store.renameStep(node.id, output.name);
    },
  });

  return (
    <form className="flex flex-col gap-4" onSubmit={(event) => event.preventDefault()} noValidate>
      <Field label="Step name" error={form.formState.errors.name?.message}>
        {(control) => <TextInput {...control} autoComplete="off" {...form.register('name')} />}
      </Field>
      <div className="flex flex-col gap-1.5">
        <h3 className="text-sm font-medium text-zinc-800">Last test payload</h3>
        <pre className="max-h-56 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-xs whitespace-pre-wrap text-zinc-800">
          {node.data.config.testPayload}
        </pre>
        <p className="text-xs text-zinc-500">Press Run to start the flow with a JSON payload; the one you use is remembered here.</p>
      </div>
      <OutputsReference prefix="trigger" outputs={manualTriggerOutputs} />
    </form>
  );
}
