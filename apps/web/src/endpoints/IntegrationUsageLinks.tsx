import type { EndpointIntegrationUsage } from '@flowyard/engine/schemas';
import { Plug } from 'lucide-react';
import { Link } from 'wouter';
import { integrationHref } from '../integrations/integration-links';

/** An integration whose script names an endpoint (the `integration` usage kind). */
export type IntegrationUsageRef = Pick<EndpointIntegrationUsage, 'integrationId' | 'integrationName' | 'occurrences'>;

export interface IntegrationUsageLinksProps {
  integrations: readonly IntegrationUsageRef[];
  /** Called when a link is followed, e.g. to close the dialog holding the list. */
  onNavigate?(): void;
}

/** Integrations whose scripts name an endpoint literally, each a link to the integration's editor (named by the integration). */
export function IntegrationUsageLinks({ integrations, onNavigate }: IntegrationUsageLinksProps) {
  return (
    <ul aria-label="Integration usage" className="divide-y divide-zinc-100 rounded-md border border-zinc-200">
      {integrations.map((entry) => (
        <li key={entry.integrationId} className="flex items-center gap-2 px-3 py-2 text-sm">
          <Plug aria-hidden className="size-4 shrink-0 text-zinc-400" />
          <Link href={integrationHref(entry.integrationId)} onClick={() => onNavigate?.()} className="text-indigo-700 hover:underline">
            {entry.integrationName}
          </Link>
          <span className="ml-auto text-xs text-zinc-500">
            script names it {entry.occurrences === 1 ? 'once' : `${entry.occurrences} times`}
          </span>
        </li>
      ))}
    </ul>
  );
}
