import type { EndpointIntegrationUsage, EndpointScriptUsage } from '@flowyard/engine/schemas';
import * as RadixAlertDialog from '@radix-ui/react-alert-dialog';
import { FileCode2, Plug } from 'lucide-react';
import { Button } from '../ui/Button';

/** What the person chose when renaming an endpoint that scripts name: rewrite them, leave them, or not save at all. */
export type RenameScriptsChoice = 'update' | 'keep' | 'cancel';

export interface RenameScriptsDialogProps {
  /** Null keeps the dialog closed. */
  request: { oldName: string; newName: string; scripts: readonly EndpointScriptUsage[]; integrations?: readonly EndpointIntegrationUsage[] } | null;
  onChoose(choice: RenameScriptsChoice): void;
}

/**
 * Asked on Save when a rename would leave custom step or integration scripts naming the old name (SPEC §2: scripts
 * refer to endpoints by name). Update scripts rewrites exactly those string literals.
 */
export function RenameScriptsDialog({ request, onChoose }: RenameScriptsDialogProps) {
  const count = request?.scripts.length ?? 0;
  const integrations = request?.integrations ?? [];
  const owners = [
    count > 0 ? (count === 1 ? 'this custom step' : `these ${count} custom steps`) : null,
    integrations.length > 0 ? (integrations.length === 1 ? 'this integration' : `these ${integrations.length} integrations`) : null,
  ].filter((part) => part !== null);
  const many = count + integrations.length > 1;
  return (
    <RadixAlertDialog.Root
      open={request !== null}
      onOpenChange={(open) => {
        if (!open) onChoose('cancel');
      }}
    >
      <RadixAlertDialog.Portal>
        <RadixAlertDialog.Overlay className="fixed inset-0 z-50 bg-zinc-950/40" />
        <RadixAlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl border border-zinc-200 bg-white shadow-2xl focus:outline-none">
          <div className="px-5 pt-5 pb-4">
            <RadixAlertDialog.Title className="text-base font-semibold text-zinc-900">Scripts name this endpoint</RadixAlertDialog.Title>
            <RadixAlertDialog.Description asChild>
              <div className="mt-2 flex flex-col gap-3 text-sm text-zinc-600">
                <p>
                  {many ? 'The scripts of ' : 'The script of '}
                  {owners.join(' and ')} {many ? 'name' : 'names'} <strong className="font-semibold text-zinc-900">{request?.oldName}</strong>. After the rename{' '}
                  {many ? 'they would no longer find the endpoint unless they say' : 'it would no longer find the endpoint unless it says'}{' '}
                  <strong className="font-semibold text-zinc-900">{request?.newName}</strong>.
                </p>
                <ul aria-label="Scripts naming the endpoint" className="divide-y divide-zinc-100 rounded-md border border-zinc-200">
                  {request?.scripts.map((script) => (
                    <li key={script.customStepId} className="flex items-center gap-2 px-3 py-2 text-zinc-800">
                      <FileCode2 aria-hidden className="size-4 shrink-0 text-zinc-400" />
                      {script.customStepName}
                    </li>
                  ))}
                  {integrations.map((integration) => (
                    <li key={integration.integrationId} title="Integration" className="flex items-center gap-2 px-3 py-2 text-zinc-800">
                      <Plug aria-hidden className="size-4 shrink-0 text-zinc-400" />
                      {integration.integrationName}
                    </li>
                  ))}
                </ul>
              </div>
            </RadixAlertDialog.Description>
          </div>
          <div className="flex justify-end gap-2 rounded-b-xl border-t border-zinc-100 bg-zinc-50 px-5 py-3">
            <RadixAlertDialog.Cancel asChild>
              <Button>Cancel</Button>
            </RadixAlertDialog.Cancel>
            <Button onClick={() => onChoose('keep')}>Keep scripts</Button>
            <Button variant="primary" onClick={() => onChoose('update')}>
              Update scripts
            </Button>
          </div>
        </RadixAlertDialog.Content>
      </RadixAlertDialog.Portal>
    </RadixAlertDialog.Root>
  );
}
