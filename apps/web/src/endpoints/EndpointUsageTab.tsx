import { useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { Button } from '../ui/Button';
import { IntegrationUsageLinks } from './IntegrationUsageLinks';
import { ScriptUsageLinks } from './ScriptUsageLinks';
import { formatCount, splitUsage } from './usage-link';
import { UsageLinks } from './UsageLinks';

/** How many uses the Usage tab asks for at a time. */
const USAGE_PAGE_SIZE = 100;

/**
 * The Usage tab: the flow steps that reference the endpoint and the custom step scripts that name
 * it, a page at a time, with their counts (an endpoint may be used 10,000 times).
 */
export function EndpointUsageTab({ endpointId, onNavigate }: { endpointId: string; onNavigate(): void }) {
  const trpc = useTRPC();
  const usage = useInfiniteQuery(
    trpc.endpoints.usage.infiniteQueryOptions({ id: endpointId, limit: USAGE_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }),
  );
  if (usage.isPending) return <p className="text-sm text-zinc-500">Loading usage…</p>;
  if (usage.isError) return <p className="text-sm text-red-600">{readApiError(usage.error).message}</p>;
  const first = usage.data.pages[0];
  if (!first || first.total === 0) return <p className="text-sm text-zinc-500">Nothing uses this endpoint.</p>;
  const { steps, scripts, integrations } = splitUsage(usage.data.pages.flatMap((page) => page.items));
  const stepCount = first.counts.step ?? 0;
  const scriptCount = first.counts.script ?? 0;
  const integrationCount = first.counts.integration ?? 0;
  return (
    <div className="flex flex-col gap-4">
      {stepCount > 0 ? (
        <div className="flex flex-col gap-2">
          <p className="text-sm text-zinc-600" data-testid="usage-step-count">
            Used by {formatCount(stepCount, 'step', 'steps')}. Changes apply to all of them.
            {steps.length < stepCount ? ` Showing ${formatCount(steps.length, 'step', 'steps')}.` : null}
          </p>
          <UsageLinks usage={steps} onNavigate={onNavigate} />
        </div>
      ) : null}
      {scriptCount > 0 && scripts.length > 0 ? (
        <div className="flex flex-col gap-2">
          <p className="text-sm text-zinc-600">
            Named in the {scriptCount === 1 ? 'script' : 'scripts'} of {formatCount(scriptCount, 'custom step', 'custom steps')}. Renaming the endpoint offers to update them.
          </p>
          <ScriptUsageLinks scripts={scripts} onNavigate={onNavigate} />
        </div>
      ) : null}
      {integrationCount > 0 && integrations.length > 0 ? (
        <div className="flex flex-col gap-2">
          <p className="text-sm text-zinc-600">
            Named in the {integrationCount === 1 ? 'script' : 'scripts'} of {formatCount(integrationCount, 'integration', 'integrations')}. Renaming the endpoint offers to update them.
          </p>
          <IntegrationUsageLinks integrations={integrations} onNavigate={onNavigate} />
        </div>
      ) : null}
      {usage.hasNextPage ? (
        <div>
          <Button size="sm" onClick={() => void usage.fetchNextPage()} disabled={usage.isFetchingNextPage}>
            {usage.isFetchingNextPage ? 'Loading…' : 'Show more uses'}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
