import { Download, Upload } from 'lucide-react';
import { useState } from 'react';
import { readApiError } from '../lib/trpc-error';
import { Button } from '../ui/Button';
import { ImportWorkflowDialog } from './ImportWorkflowDialog';
import { useExportWorkflow } from './use-export-workflow';

/** Export workflow (downloads the JSON file) and Import workflow (opens the import dialog), side by side. */
export function WorkflowTransferButtons({ workflowId }: { workflowId: string | undefined }) {
  const exporting = useExportWorkflow(workflowId);
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Button icon={<Upload aria-hidden className="size-4" />} disabled={!workflowId} onClick={() => setImporting(true)}>
        Import workflow
      </Button>
      <Button
        icon={<Download aria-hidden className="size-4" />}
        disabled={!workflowId || exporting.isPending}
        onClick={() => exporting.mutate()}
      >
        Export workflow
      </Button>
      {exporting.error ? (
        <p role="alert" className="basis-full text-right text-xs text-red-600">
          Export failed: {readApiError(exporting.error).message}
        </p>
      ) : null}
      {workflowId ? <ImportWorkflowDialog open={importing} onOpenChange={setImporting} workflowId={workflowId} /> : null}
    </>
  );
}
