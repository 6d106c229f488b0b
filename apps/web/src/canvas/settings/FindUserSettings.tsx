import { findUserConfigSchema, findUserOutputs, type FlowNodeOf } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Field, TextInput } from '../../ui/Field';
import { sameJson } from '../graph-rules';
import { OutputsReference } from './OutputsReference';
import { stepFormSchema } from './step-form-schema';
import { useLiveStepForm } from './use-live-step-form';
import { useOtherStepNames } from './use-other-step-names';
import { useReferenceProblem } from './use-reference-problem';

type Node = FlowNodeOf<'find-user'>;

function valuesOf(node: Node) {
  return { name: node.data.name, config: node.data.config };
}

/** Settings of Find User: the search text (names and emails), which may hold references. */
export function FindUserSettings({ node }: { node: Node }) {
  const otherNames = useOtherStepNames(node.id);
  const schema = useMemo(() => stepFormSchema(findUserConfigSchema, otherNames), [otherNames]);
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
      if (!sameJson(current.data.config, output.config)) store.updateStepConfig(node.id, { type: 'find-user', config: output.config });
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
        label="Search"
        error={errors.config?.search?.message ?? referenceProblem('search')}
        hint="Matches names and emails containing the text; empty finds everyone. The run sees only the users its user may see: a Standard User finds only themself."
      >
        {(control) => <TextInput {...control} autoComplete="off" spellCheck={false} data-references {...form.register('config.search')} />}
      </Field>
      <OutputsReference prefix={node.data.name} outputs={findUserOutputs} />
    </form>
  );
}
