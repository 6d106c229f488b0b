import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { RefreshCw, ScrollText } from 'lucide-react';
import { Link, useParams } from 'wouter';
import { useCan } from '../auth/session-context';
import { useTRPC } from '../lib/trpc';
import { readApiError } from '../lib/trpc-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { useCurrentWorkflow } from '../shell/use-workflow';
import { Button } from '../ui/Button';
import { EmptyState, Page, PageHeader } from '../ui/Page';
import { integrationHref, integrationsHref } from './integration-links';
import { IntegrationLogEntry } from './IntegrationLogEntry';
import { useWorkflowFlows } from './use-workflow-flows';

/** How many log entries a page holds. */
const LOG_PAGE_SIZE = 20;

/** `/integration-builder/integrations/:id/log`: the integration's calls, newest first, a page at a time. */
export function IntegrationLogPage() {
  const { id = '' } = useParams<{ id: string }>();
  const trpc = useTRPC();
  const canEdit = useCan('flows.edit');
  const workflow = useCurrentWorkflow();
  const { names: flowNames } = useWorkflowFlows(canEdit ? workflow.workflowId : undefined);
  const stored = useQuery({ ...trpc.integrations.get.queryOptions({ id }), enabled: canEdit });
  const name = stored.data?.integration.name;
  useDocumentTitle(name ? `Log of ${name}` : 'Integration log');
  const log = useInfiniteQuery(
    trpc.integrations.log.infiniteQueryOptions(
      { integrationId: id, limit: LOG_PAGE_SIZE },
      // New calls keep arriving: look again now and then while the page is open.
      { getNextPageParam: (page) => page.nextCursor, refetchInterval: 5_000 },
    ),
  );
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <Page>
      <PageHeader
        title={name ? `Log of ${name}` : 'Integration log'}
        breadcrumb={
          <span className="flex items-center gap-1.5">
            <Link href={integrationsHref} className="hover:text-zinc-900 hover:underline">
              Integrations
            </Link>
            {name ? (
              <>
                <span aria-hidden>›</span>
                <Link href={integrationHref(id)} className="hover:text-zinc-900 hover:underline">
                  {name}
                </Link>
              </>
            ) : null}
          </span>
        }
        description="Every call, newest first: who called, what came in, what the script logged and called, how it ended and the runs it started."
        actions={
          <Button icon={<RefreshCw aria-hidden className="size-4" />} disabled={log.isFetching} onClick={() => void log.refetch()}>
            Refresh
          </Button>
        }
      />
      {log.error ? (
        <p role="alert" className="text-sm text-red-600">
          {readApiError(log.error).message}
        </p>
      ) : log.isPending ? (
        <p className="text-sm text-zinc-500">Loading the log…</p>
      ) : entries.length === 0 ? (
        <EmptyState icon={<ScrollText aria-hidden className="size-8" />} title="No calls yet">
          Calls appear here as they happen.
        </EmptyState>
      ) : (
        <ul aria-label="Log entries" className="flex flex-col gap-2">
          {entries.map((entry, i) => (
            <li key={entry.id}>
              <IntegrationLogEntry entry={entry} flowNames={flowNames} initiallyOpen={i === 0} />
            </li>
          ))}
        </ul>
      )}
      {log.hasNextPage ? (
        <div>
          <Button onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {log.isFetchingNextPage ? 'Loading…' : 'Load older entries'}
          </Button>
        </div>
      ) : null}
    </Page>
  );
}
