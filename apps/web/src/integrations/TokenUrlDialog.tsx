import { AlertTriangle } from 'lucide-react';
import { Button } from '../ui/Button';
import { CopyButton } from '../ui/CopyButton';
import { Dialog, DialogBody, DialogClose, DialogFooter } from '../ui/Dialog';
import { Field, TextInput } from '../ui/Field';

export interface TokenUrlDialogProps {
  /** The full URL with its fresh token; null keeps the dialog closed. */
  url: string | null;
  integrationName: string;
  onClose(): void;
}

/**
 * The address of a URL-authenticated integration with its new token, shown this once: Flowyard
 * keeps only a hash of the token, so after this dialog closes nobody can see it again.
 */
export function TokenUrlDialog({ url, integrationName, onClose }: TokenUrlDialogProps) {
  return (
    <Dialog
      open={url !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Integration URL"
      description={`The address other systems call to run “${integrationName}”. The token in it is their password.`}
    >
      {url !== null ? (
        <>
          <DialogBody className="flex flex-col gap-3">
            <p role="note" className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
              Copy this URL now: it won’t be shown again. Flowyard keeps only a hash of its token; if it is lost, rotate the token to get a new URL.
            </p>
            <Field label="Integration URL">
              {(control) => (
                <div className="flex items-center gap-2">
                  <TextInput
                    {...control}
                    readOnly
                    value={url}
                    data-autofocus
                    spellCheck={false}
                    className="font-mono text-xs"
                    onFocus={(event) => event.currentTarget.select()}
                  />
                  <CopyButton text={url} label="Copy integration URL" />
                </div>
              )}
            </Field>
          </DialogBody>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="primary">Done</Button>
            </DialogClose>
          </DialogFooter>
        </>
      ) : null}
    </Dialog>
  );
}
