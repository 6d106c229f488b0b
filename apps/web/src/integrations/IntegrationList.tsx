import type { IntegrationView } from '@flowyard/engine/schemas';
import { ArrowDownToLine, ArrowUpFromLine, KeyRound, Link2, ScrollText, X } from 'lucide-react';
import { Link } from 'wouter';
import { Badge } from '../ui/Badge';
import { Button, IconButton } from '../ui/Button';
import { integrationHref, integrationLogHref, triggerSummary } from './integration-links';

export interface IntegrationListProps {
  /** Names the list, e.g. "Inbound integrations". */
  label: string;
  integrations: readonly IntegrationView[];
  /** Flow names by id, to say which flow an outbound integration listens to. */
  flowNames: ReadonlyMap<string, string>;
  canViewLog: boolean;
  /** Without these (a role that may not edit) there are no Enable/Disable and Delete buttons. */
  onToggle?(integration: IntegrationView): void;
  onDelete?(integration: IntegrationView): void;
  /** The integration whose enable/disable is being saved. */
  pendingId?: string | null;
}

/** One kind's integrations: name (opens the editor), what starts it, enabled state, log, delete. */
export function IntegrationList({ label, integrations, flowNames, canViewLog, onToggle, onDelete, pendingId }: IntegrationListProps) {
  return (
    <ul aria-label={label} className="divide-y divide-zinc-100 overflow-hidden rounded-lg border border-zinc-200 bg-white">
      {integrations.map((view) => {
        const { integration } = view;
        const Icon = integration.kind === 'inbound' ? ArrowDownToLine : ArrowUpFromLine;
        return (
          <li key={view.id} className="flex items-center gap-4 px-4 py-3 hover:bg-zinc-50">
            <div className="flex size-9 shrink-0 items-center justify-center rounded-md bg-indigo-50 text-indigo-600">
              <Icon aria-hidden className="size-4" />
            </div>
            <div className="flex min-w-0 flex-1 flex-col">
              <Link href={integrationHref(view.id)} className="self-start truncate text-sm font-medium text-zinc-900 hover:text-indigo-700 hover:underline">
                {integration.name}
              </Link>
              <span className="truncate text-xs text-zinc-500">
                {integration.kind === 'inbound' ? (
                  <span className="inline-flex items-center gap-1">
                    {integration.auth.type === 'url' ? <Link2 aria-hidden className="size-3" /> : <KeyRound aria-hidden className="size-3" />}
                    {integration.auth.type === 'url' ? `URL authentication, acts as ${view.actAs?.name ?? 'a removed user'}` : 'Caller’s API key'}
                  </span>
                ) : (
                  triggerSummary(integration.trigger, flowNames)
                )}
              </span>
            </div>
            <Badge tone={integration.enabled ? 'success' : 'neutral'}>{integration.enabled ? 'Enabled' : 'Disabled'}</Badge>
            {canViewLog ? (
              <Link
                href={integrationLogHref(view.id)}
                aria-label={`Log of ${integration.name}`}
                className="inline-flex items-center gap-1 text-xs font-medium text-indigo-700 hover:underline"
              >
                <ScrollText aria-hidden className="size-3.5" />
                Log
              </Link>
            ) : null}
            {onToggle ? (
              <Button size="sm" aria-label={`${integration.enabled ? 'Disable' : 'Enable'} integration ${integration.name}`} disabled={pendingId === view.id} onClick={() => onToggle(view)}>
                {integration.enabled ? 'Disable' : 'Enable'}
              </Button>
            ) : null}
            {onDelete ? (
              <IconButton label={`Delete integration ${integration.name}`} tone="danger" icon={<X aria-hidden className="size-4" />} onClick={() => onDelete(view)} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
