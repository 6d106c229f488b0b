import type { LibraryView } from '@flowyard/engine/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Save, Trash2 } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { useController, useForm } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import { z } from 'zod';
import { useCan } from '../auth/session-context';
import { useTRPC } from '../lib/trpc';
import { readApiError, splitIssues } from '../lib/trpc-error';
import { useLeaveWarning } from '../lib/use-leave-warning';
import { ScriptEditor, type CodeEditorHandle } from '../steps/script/ScriptEditor';
import { useConstantNames } from '../steps/use-constants';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { Field, FormError, TextInput } from '../ui/Field';
import { PageHeader } from '../ui/Page';
import { SaveState } from '../ui/SaveState';
import { DeleteScriptObjectDialog } from './DeleteScriptObjectDialog';
import { libraryFields, libraryFormSchema, newLibraryValues, type LibraryFormValues } from './library-form';
import { libraryPath, librariesPath } from './script-object-paths';
import { ScriptObjectUsageLinks } from './ScriptObjectUsageLinks';
import { useLibrarySyntax } from './use-library-syntax';
import { useInvalidateScriptObjects, useLibraries } from './use-script-objects';

export interface LibraryEditorFormProps {
  workflowId: string;
  /** The stored library when editing; absent when creating. */
  stored?: LibraryView;
  justSaved?: boolean;
}

// Where the server places a parse error it refused (details.syntax).
const refusedSyntaxSchema = z.object({ syntax: z.object({ line: z.number().int(), column: z.number().int(), message: z.string() }) });

/** A shared library: its name and its CommonJS source, parse errors marked at their line. */
export function LibraryEditorForm({ workflowId, stored, justSaved = false }: LibraryEditorFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const invalidate = useInvalidateScriptObjects();
  const save = useMutation(trpc.libraries.save.mutationOptions());
  const canEdit = useCan('flows.edit');
  const [savedOnce, setSavedOnce] = useState(justSaved);
  const [deleting, setDeleting] = useState(false);
  const editor = useRef<CodeEditorHandle>(null);
  const form = useForm<LibraryFormValues>({
    resolver: zodResolver(libraryFormSchema),
    defaultValues: stored ? { name: stored.name, source: stored.source } : newLibraryValues(),
  });
  const { register, formState } = form;
  const { errors } = formState;
  const source = useController({ control: form.control, name: 'source' });
  const [syntax, setSyntax] = useLibrarySyntax(source.field.value);
  // One array per answer, so the editor re-marks only when the answer changes.
  const problems = useMemo(() => (syntax ? [syntax] : []), [syntax]);
  const libraries = useLibraries(workflowId);
  const constants = useConstantNames(workflowId);
  useLeaveWarning(formState.isDirty, 'This library has unsaved changes. Leave without saving them?');

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync({ workflowId, id: stored?.id ?? null, name: values.name, source: values.source });
      queryClient.setQueryData(trpc.libraries.get.queryKey({ id: saved.id }), saved);
      void invalidate();
      form.reset({ name: saved.name, source: saved.source });
      setSavedOnce(true);
      if (!stored) navigate(libraryPath(saved.id), { replace: true, state: { justSaved: true } });
    } catch (error) {
      const apiError = readApiError(error);
      const refused = refusedSyntaxSchema.safeParse(apiError.details);
      if (refused.success) setSyntax(refused.data.syntax);
      const { byField, other } = splitIssues(apiError.issues, libraryFields);
      byField.forEach(({ field, message }, index) => form.setError(field, { type: 'server', message }, { shouldFocus: index === 0 && field === 'name' }));
      if (other.length > 0 || byField.length === 0) form.setError('root.server', { type: 'server', message: other.map((i) => i.message).join('\n') || apiError.message });
    }
  });

  const sourceError = errors.source?.message ?? (syntax ? `Line ${syntax.line}, column ${syntax.column + 1}: ${syntax.message}` : undefined);
  const otherNames = (libraries.data ?? []).map((library) => library.name).filter((name) => name !== stored?.name);

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      <PageHeader
        title={stored ? stored.name : 'New Library'}
        breadcrumb={
          <Link href={librariesPath} className="hover:text-zinc-900 hover:underline">
            Shared libraries
          </Link>
        }
        description="Scripts load it with require('<name>'); it sets what they get on exports or module.exports."
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
        <Field label="Name" error={errors.name?.message} hint="Scripts write it in require('…'); not case-sensitive, no quotes." className="max-w-md">
          {(control) => <TextInput {...control} autoComplete="off" autoFocus={!stored} className="font-mono" {...register('name')} />}
        </Field>
      </Card>

      <Card title="Source">
        <div className="flex flex-col gap-1.5">
          <div className="overflow-hidden rounded-lg border border-zinc-300 bg-white">
            <ScriptEditor
              handle={editor}
              label="Source"
              describedBy="library-source-error"
              invalid={sourceError !== undefined}
              height="420px"
              value={source.field.value}
              onChange={source.field.onChange}
              onBlur={source.field.onBlur}
              names={{ stepEndpoint: null, endpoints: [], inputs: [], outputs: [], constants: constants ?? [], libraries: otherNames }}
              onSaveShortcut={() => void onSubmit()}
              problems={problems}
            />
          </div>
          {sourceError ? (
            <p id="library-source-error" role="alert" className="text-xs text-red-600">
              {sourceError}
            </p>
          ) : null}
          <p className="text-xs text-zinc-500">
            Runs in the same sandbox as step scripts: <code>constants</code>, <code>console</code> and <code>require('…')</code> of other libraries are available.
          </p>
        </div>
      </Card>

      {stored ? (
        <Card title="Usage" description="The scripts that require this library by name.">
          <LibraryUsage id={stored.id} />
        </Card>
      ) : null}

      {stored ? (
        <DeleteScriptObjectDialog kind="library" target={deleting ? stored : null} onClose={() => setDeleting(false)} onDeleted={() => navigate(librariesPath)} />
      ) : null}
    </form>
  );
}

function LibraryUsage({ id }: { id: string }) {
  const trpc = useTRPC();
  const usage = useQuery(trpc.libraries.usage.queryOptions({ id }));
  if (usage.isPending) return <p className="text-sm text-zinc-500">Loading usage…</p>;
  if (usage.isError) return <p className="text-sm text-red-600">{readApiError(usage.error).message}</p>;
  if (usage.data.length === 0) return <p className="text-sm text-zinc-500">No script requires this library.</p>;
  return <ScriptObjectUsageLinks usage={usage.data} label="Library usage" />;
}
