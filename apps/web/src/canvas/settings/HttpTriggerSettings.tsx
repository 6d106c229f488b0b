import { httpTriggerConfigSchema, httpTriggerCurl, httpTriggerOutputs, httpTriggerUrl, roleLabels, roles, type FlowNodeOf } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { CopyButton } from '../../ui/CopyButton';
import { Field, TextInput } from '../../ui/Field';
import { useFlowStore } from '../flow-store-context';
import { sameJson } from '../graph-rules';
import { FieldProblem, problemRef } from './FieldProblem';
import { OutputsReference } from './OutputsReference';
import { stepFormSchema } from './step-form-schema';
import { useLiveStepForm } from './use-live-step-form';
import { useOtherStepNames } from './use-other-step-names';
import { usePublicUrl } from './use-public-url';

type Node = FlowNodeOf<'http-trigger'>;

function valuesOf(node: Node) {
  return { name: node.data.name, config: node.data.config };
}

/**
 * Settings of an HTTP trigger: its URL and an example call to copy, and which roles' API keys may
 * call it. A call's body, headers and query become the trigger's outputs.
 */
export function HttpTriggerSettings({ node, workflowId }: { node: Node; workflowId: string }) {
  const otherNames = useOtherStepNames(node.id);
  const schema = useMemo(() => stepFormSchema(httpTriggerConfigSchema, otherNames), [otherNames]);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: valuesOf(node),
    mode: 'onChange',
  });
  const flowId = useFlowStore((s) => s.flowId) ?? '';
  const dirty = useFlowStore((s) => s.dirty);
  const publicUrl = usePublicUrl(workflowId);
  const url = httpTriggerUrl(publicUrl, flowId, node.id);
  const curl = httpTriggerCurl(publicUrl, flowId, node.id);

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
      if (!sameJson(current.data.config, output.config)) store.updateStepConfig(node.id, { type: 'http-trigger', config: output.config });
    },
  });

  const { errors } = form.formState;
  const rolesProblem = errors.config?.allowedRoles?.message;
  return (
    <form className="flex flex-col gap-4" onSubmit={(event) => event.preventDefault()} noValidate>
      <Field label="Step name" error={errors.name?.message}>
        {(control) => <TextInput {...control} autoComplete="off" {...form.register('name')} />}
      </Field>

      <Field
        label="Trigger URL"
        hint={dirty ? 'Save the flow: calls run the saved version.' : 'POST to it (GET works too); add ?wait=true to wait for the result.'}
      >
        {(control) => (
          <div className="flex items-center gap-2">
            <TextInput {...control} readOnly value={url} spellCheck={false} className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
            <CopyButton text={url} label="Copy trigger URL" />
          </div>
        )}
      </Field>

      <section aria-labelledby={`curl-${node.id}`} className="flex flex-col gap-1.5">
        <div className="flex items-center justify-between">
          <h3 id={`curl-${node.id}`} className="text-sm font-medium text-zinc-800">
            Example request
          </h3>
          <CopyButton text={curl} label="Copy example request" />
        </div>
        <pre className="rounded-md bg-zinc-900 whitespace-pre-wrap break-all px-3 py-2 font-mono text-[11px] leading-relaxed text-zinc-100">{curl}</pre>
        <p className="text-xs text-zinc-500">
          The caller sends a user’s API key (Users page) as a Bearer token, or as the password of Basic authentication. The run acts as
          that user.
        </p>
      </section>

      <fieldset className="flex flex-col gap-1.5" aria-describedby={problemRef(`roles-problem-${node.id}`, rolesProblem)}>
        <legend className="mb-1 text-sm font-medium text-zinc-800">Allowed roles</legend>
        {roles.map((role) => (
          <label key={role} className="flex items-center gap-2 text-sm text-zinc-800">
            <input type="checkbox" value={role} className="size-4 rounded border-zinc-300 accent-indigo-600" {...form.register('config.allowedRoles')} />
            {roleLabels[role]}
          </label>
        ))}
        <p className="text-xs text-zinc-500">Keys of other roles get 403 and nothing runs.</p>
        <FieldProblem id={`roles-problem-${node.id}`} message={rolesProblem} />
      </fieldset>

      <OutputsReference prefix="trigger" outputs={httpTriggerOutputs} />
    </form>
  );
}
