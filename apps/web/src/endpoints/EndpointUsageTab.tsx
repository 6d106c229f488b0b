import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { UsageLinks } from './UsageLinks';

/** The Usage tab: every flow step that references the endpoint (from the server's usage index). */
export function EndpointUsageTab({ endpointId, onNavigate }: { endpointId: string; onNavigate(): void }) {
  const trpc = useTRPC();
  const usage = useQuery(trpc.endpoints.usage.queryOptions({ id: endpointId }));
  if (usage.isPending) return <p className="text-sm text-zinc-500">Loading usage…</p>;
  if (usage.isError) return <p className="text-sm text-red-600">{readApiError(usage.error).message}</p>;
  if (usage.data.length === 0) return <p className="text-sm text-zinc-500">No flow uses this endpoint.</p>;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-zinc-600">
        Used by {usage.data.length} {usage.data.length === 1 ? 'step' : 'steps'}. Changes apply to all of them.
      </p>
      <UsageLinks usage={usage.data} onNavigate={onNavigate} />
    </div>
  );
}
