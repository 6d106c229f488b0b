import type { ImportBindings } from '@flowyard/engine/schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, Upload } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'wouter';
import { ImportedIntegrations } from '../integrations/ImportedIntegrations';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { Button } from '../ui/Button';
import { Dialog, DialogBody, DialogClose, DialogFooter } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { EndpointBindingList } from './EndpointBindingList';
import { bindingCounts, defaultBindings } from './import-bindings';
import { ImportProblems } from './ImportProblems';
import { fileContentsText, importSummaryText, renameLines } from './import-summary';

export interface ImportWorkflowDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  workflowId: string;
}

/**
 * Import workflow (SPEC §8): choose an export file; the server checks it whole and lists every
 * problem with its JSON path, or the endpoints it holds with a choice each (bind to the existing
 * endpoint of the same name, or create it flagged "needs credentials"). Import writes it all.
 */
export function ImportWorkflowDialog({ open, onOpenChange, workflowId }: ImportWorkflowDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Import workflow"
      description="Bring in the flows, custom steps, constants, libraries, endpoints and integrations of a Flowyard export file."
      size="lg"
    >
      {/* Mounted only while open, so every opening starts from an empty form. */}
      {open ? <ImportWorkflowForm workflowId={workflowId} onClose={() => onOpenChange(false)} /> : null}
    </Dialog>
  );
}

function ImportWorkflowForm({ workflowId, onClose }: { workflowId: string; onClose(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileText, setFileText] = useState<string | null>(null);
  const [bindings, setBindings] = useState<ImportBindings>({});
  const preview = useMutation(
    trpc.workflows.importPreview.mutationOptions({
      onSuccess: (result) => setBindings(result.ok ? defaultBindings(result.endpoints) : {}),
    }),
  );
  const importing = useMutation(
    trpc.workflows.import.mutationOptions({
      // Everything of the workflow may have changed: flows, endpoints, custom steps, constants.
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );

  const chooseFile = async (file: File | undefined) => {
    preview.reset();
    importing.reset();
    setBindings({});
    setFileName(file?.name ?? null);
    setFileText(null);
    if (!file) return;
    const text = await file.text();
    setFileText(text);
    preview.mutate({ workflowId, file: text });
  };

  const result = preview.data;
  const done = importing.data;
  const counts = result?.ok ? bindingCounts(result.endpoints, bindings) : null;

  if (done) {
    return (
      <>
        <DialogBody className="flex flex-col gap-3">
          <div role="status" className="flex items-start gap-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
            <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
            <p>Imported {fileName ?? 'the file'}: {importSummaryText(done.summary)}.</p>
          </div>
          {done.flows.length > 0 ? (
            <ul aria-label="Imported flows" className="divide-y divide-zinc-100 rounded-md border border-zinc-200">
              {done.flows.map((flow) => (
                <li key={flow.id}>
                  <Link href={`/flows/${encodeURIComponent(flow.id)}`} onClick={onClose} className="block px-3 py-2 text-sm text-indigo-700 hover:bg-indigo-50 hover:underline">
                    {flow.name}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          <ImportedIntegrations integrations={done.integrations} workflowId={workflowId} onNavigate={onClose} />
          <Renames lines={renameLines(done.summary)} />
          {done.summary.endpointsCreated > 0 ? (
            <p className="text-sm text-zinc-600">
              Endpoints created by the import are marked <strong className="font-medium">Needs credentials</strong> until you open them,
              enter their credentials and save.{' '}
              <Link href="/integration-builder/endpoints" onClick={onClose} className="text-indigo-700 hover:underline">
                Go to Endpoints
              </Link>
            </p>
          ) : null}
        </DialogBody>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="primary">Close</Button>
          </DialogClose>
        </DialogFooter>
      </>
    );
  }

  return (
    <>
      <DialogBody className="flex flex-col gap-4">
        <Field label="Workflow file" hint="A .json file written by Export workflow. Nothing is written until you press Import.">
          {(control) => (
            <input
              {...control}
              type="file"
              accept="application/json,.json"
              data-autofocus
              onChange={(event) => void chooseFile(event.target.files?.[0])}
              className="block w-full text-sm text-zinc-700 file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-50"
            />
          )}
        </Field>

        {preview.isPending ? <p className="text-sm text-zinc-500">Checking {fileName}…</p> : null}
        {preview.error ? (
          <p role="alert" className="text-sm text-red-700">
            {readApiError(preview.error).message}
          </p>
        ) : null}
        {result && !result.ok ? <ImportProblems problems={result.problems} /> : null}
        {result?.ok ? (
          <section aria-label="Import preview" className="flex flex-col gap-3">
            <p className="text-sm text-zinc-700">
              {fileName} holds {fileContentsText(result.summary)}.
            </p>
            <Renames lines={renameLines(result.summary)} />
            <h3 className="text-sm font-semibold text-zinc-900">Endpoints</h3>
            <EndpointBindingList
              endpoints={result.endpoints}
              bindings={bindings}
              onChange={(exportId, endpointId) => setBindings((current) => ({ ...current, [exportId]: endpointId }))}
            />
            {counts && result.endpoints.length > 0 ? (
              <p className="text-xs text-zinc-500">
                {counts.bound} bound to existing endpoints, {counts.created} created without credentials.
              </p>
            ) : null}
          </section>
        ) : null}
        {importing.error ? (
          <p role="alert" className="text-sm text-red-700">
            {readApiError(importing.error).message}
          </p>
        ) : null}
      </DialogBody>
      <DialogFooter>
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
        <Button
          variant="primary"
          icon={<Upload aria-hidden className="size-4" />}
          disabled={!result?.ok || fileText === null || importing.isPending}
          onClick={() => {
            if (fileText !== null) importing.mutate({ workflowId, file: fileText, bindings });
          }}
        >
          Import
        </Button>
      </DialogFooter>
    </>
  );
}

/** Names that were taken, so records arrive under another name. */
function Renames({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul aria-label="Renamed on import" className="list-disc pl-5 text-xs text-amber-800">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
