import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { ScriptUsageLinks } from './ScriptUsageLinks';
import { splitUsage } from './usage-link';
import { UsageLinks } from './UsageLinks';

/** The Usage tab: every flow step that references the endpoint, and every custom step script that names it. */
export function EndpointUsageTab({ endpointId, onNavigate }: { endpointId: string; onNavigate(): void }) {
  const trpc = useTRPC();
  const usage = useQuery(trpc.endpoints.usage.queryOptions({ id: endpointId }));
  if (usage.isPending) return <p className="text-sm text-zinc-500">Loading usage…</p>;
  if (usage.isError) return <p className="text-sm text-red-600">{readApiError(usage.error).message}</p>;
  if (usage.data.length === 0) return <p className="text-sm text-zinc-500">Nothing uses this endpoint.</p>;
  const { steps, scripts } = splitUsage(usage.data);
  return (
    <div className="flex flex-col gap-4">
      {steps.length > 0 ? (
        <div className="flex flex-col gap-2">
          <p className="text-sm text-zinc-600">
            Used by {steps.length} {steps.length === 1 ? 'step' : 'steps'}. Changes apply to all of them.
          </p>
          <UsageLinks usage={steps} onNavigate={onNavigate} />
        </div>
      ) : null}
      {scripts.length > 0 ? (
        <div className="flex flex-col gap-2">
          <p className="text-sm text-zinc-600">
            Named in the {scripts.length === 1 ? 'script' : 'scripts'} of {scripts.length} custom{' '}
            {scripts.length === 1 ? 'step' : 'steps'}. Renaming the endpoint offers to update them.
          </p>
          <ScriptUsageLinks scripts={scripts} onNavigate={onNavigate} />
        </div>
      ) : null}
    </div>
  );
}
