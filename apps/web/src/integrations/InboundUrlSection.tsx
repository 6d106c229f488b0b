import type { IntegrationSaved, IntegrationView } from '@flowyard/engine/schemas';
import { useMutation } from '@tanstack/react-query';
import { RefreshCw } from 'lucide-react';
import { useId, useState } from 'react';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { ConfirmDialog } from '../ui/AlertDialog';
import { Button } from '../ui/Button';
import { CopyButton } from '../ui/CopyButton';
import { CodeBlock } from '../activity/DetailSection';
import { Field, TextInput } from '../ui/Field';
import { callerUrl, inboundCurl } from './inbound-url';
import { useInvalidateIntegrations } from './use-integrations';

export interface InboundUrlSectionProps {
  stored: IntegrationView;
  publicUrl: string;
  /** The form has unsaved edits: calls run the saved version. */
  dirty: boolean;
  canEdit: boolean;
  /** A new token was made: show its URL once. */
  onToken(saved: IntegrationSaved): void;
}

/** Where callers send requests: the URL (the token part only as a placeholder), an example call, and Rotate URL token. */
export function InboundUrlSection({ stored, publicUrl, dirty, canEdit, onToken }: InboundUrlSectionProps) {
  const trpc = useTRPC();
  const invalidate = useInvalidateIntegrations();
  const curlId = useId();
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation(
    trpc.integrations.rotate.mutationOptions({
      onSuccess: (saved) => {
        setConfirming(false);
        void invalidate();
        onToken(saved);
      },
    }),
  );
  const { integration } = stored;
  if (integration.kind !== 'inbound' || stored.path === null) return null;
  const auth = integration.auth;
  const url = callerUrl(publicUrl, stored.path, auth);
  const curl = inboundCurl(url, auth);

  return (
    <div className="flex flex-col gap-4">
      <Field
        label="Inbound URL"
        hint={
          auth.type === 'url'
            ? `The token part was shown once${stored.tokenCreatedAt ? ` when it was made (${new Date(stored.tokenCreatedAt).toLocaleString()})` : ''}. Rotate it to get a new URL; the old one then stops working.`
            : 'Callers authenticate with a Flowyard user’s API key (Authorization: Bearer …); the flows they start act as that user.'
        }
      >
        {(control) => (
          <div className="flex items-center gap-2">
            <TextInput {...control} readOnly value={url} spellCheck={false} className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
            {auth.type === 'apiKey' ? <CopyButton text={url} label="Copy inbound URL" /> : null}
          </div>
        )}
      </Field>
      {dirty ? <p className="text-xs text-amber-700">Save the integration: calls run the saved version.</p> : null}
      {!integration.enabled ? <p className="text-xs text-amber-700">The integration is disabled: calls are answered 404 until it is enabled.</p> : null}
      <section aria-labelledby={curlId} className="flex flex-col gap-1.5">
        <div className="flex items-center justify-between">
          <h3 id={curlId} className="text-sm font-medium text-zinc-800">
            Example request
          </h3>
          <CopyButton text={curl} label="Copy example request" />
        </div>
        <CodeBlock label="Example request">{curl}</CodeBlock>
      </section>
      {auth.type === 'url' && canEdit ? (
        <div>
          <Button icon={<RefreshCw aria-hidden className="size-4" />} onClick={() => setConfirming(true)}>
            Rotate URL token
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          if (!open) {
            setConfirming(false);
            rotate.reset();
          }
        }}
        title="Rotate URL token?"
        confirmLabel="Rotate token"
        pending={rotate.isPending}
        onConfirm={() => rotate.mutate({ id: stored.id })}
      >
        <div className="flex flex-col gap-2">
          <p>
            A new URL replaces the current one at once: systems calling the old URL are refused until they are given the new one. The new URL is shown
            only once.
          </p>
          {rotate.error ? (
            <p role="alert" className="text-red-700">
              {readApiError(rotate.error).message}
            </p>
          ) : null}
        </div>
      </ConfirmDialog>
    </div>
  );
}
