import type { ApiKeyView } from '@flowyard/engine/schemas';
import { useMutation } from '@tanstack/react-query';
import { KeyRound, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { formatRelativeTime } from '../lib/relative-time';
import { ConfirmDialog } from '../ui/AlertDialog';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';
import { useApiKeys, useInvalidateApiKeys } from './use-api-keys';

/** A user's API keys: Create API key (shown once), and the list with prefix, dates and Revoke. */
export function ApiKeysSection({ userId, userName }: { userId: string; userName: string }) {
  const keys = useApiKeys(userId);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const now = Date.now();
  return (
    <section aria-labelledby="api-keys-heading" className="flex flex-col gap-3">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h2 id="api-keys-heading" className="text-base font-semibold text-zinc-900">
            API keys
          </h2>
          <p className="text-sm text-zinc-500">
            Programs send a key as <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code> to call HTTP triggers;
            the flow then runs as {userName}.
          </p>
        </div>
        <Button icon={<Plus aria-hidden className="size-4" />} onClick={() => setCreating(true)}>
          Create API key
        </Button>
      </div>
      {keys.error ? (
        <p role="alert" className="text-sm text-red-600">
          {readApiError(keys.error).message}
        </p>
      ) : !keys.data ? (
        <p className="text-sm text-zinc-500">Loading keys…</p>
      ) : keys.data.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 bg-white px-4 py-6 text-center text-sm text-zinc-500">No API keys yet.</p>
      ) : (
        <ul aria-label="API keys" className="divide-y divide-zinc-100 overflow-hidden rounded-lg border border-zinc-200 bg-white">
          {keys.data.map((key) => (
            <li key={key.id} className="flex items-center gap-4 px-4 py-3">
              <KeyRound aria-hidden className="size-4 shrink-0 text-zinc-400" />
              <div className="flex min-w-0 flex-1 flex-col">
                <span className="truncate text-sm font-medium text-zinc-900">{key.name}</span>
                <span className="font-mono text-xs text-zinc-500">{key.prefix}…</span>
              </div>
              <span className="text-xs text-zinc-500">
                Created <time dateTime={key.createdAt}>{formatRelativeTime(key.createdAt, now)}</time>
              </span>
              <span className="w-36 text-right text-xs text-zinc-500">
                {key.lastUsedAt ? (
                  <>
                    Last used <time dateTime={key.lastUsedAt}>{formatRelativeTime(key.lastUsedAt, now)}</time>
                  </>
                ) : (
                  'Never used'
                )}
              </span>
              {key.revokedAt ? (
                <Badge tone="danger" className="w-20 justify-center">
                  Revoked
                </Badge>
              ) : (
                <Button size="sm" variant="ghost" aria-label={`Revoke API key ${key.name}`} className="w-20" onClick={() => setRevoking(key)}>
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <CreateApiKeyDialog open={creating} onOpenChange={setCreating} userId={userId} userName={userName} />
      <RevokeApiKeyDialog key={revoking?.id ?? 'none'} apiKey={revoking} onClose={() => setRevoking(null)} />
    </section>
  );
}

function RevokeApiKeyDialog({ apiKey, onClose }: { apiKey: ApiKeyView | null; onClose(): void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateApiKeys();
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        void invalidate();
        onClose();
      },
    }),
  );
  return (
    <ConfirmDialog
      open={apiKey !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Revoke API key"
      confirmLabel="Revoke"
      pending={revoke.isPending}
      onConfirm={() => {
        if (apiKey) revoke.mutate({ id: apiKey.id });
      }}
    >
      <div className="flex flex-col gap-3">
        <p>
          Revoke <strong className="font-semibold text-zinc-900">{apiKey?.name}</strong>? Programs using it are refused from now on.
        </p>
        {revoke.error ? (
          <p role="alert" className="text-red-700">
            {readApiError(revoke.error).message}
          </p>
        ) : null}
      </div>
    </ConfirmDialog>
  );
}
