import type { ImportResult } from '@flowyard/engine/schemas';
import { AlertTriangle } from 'lucide-react';
import { Link } from 'wouter';
import { usePublicUrl } from '../canvas/settings/use-public-url';
import { CopyButton } from '../ui/CopyButton';
import { inboundUrl } from './inbound-url';
import { integrationHref } from './integration-links';

export interface ImportedIntegrationsProps {
  integrations: ImportResult['integrations'];
  workflowId: string;
  /** Called when a link is followed (closes the import dialog). */
  onNavigate(): void;
}

/**
 * The integrations an import wrote, each a link to its editor; URL-authenticated ones got a fresh
 * token, so their URLs are shown here once, with a copy button each.
 */
export function ImportedIntegrations({ integrations, workflowId, onNavigate }: ImportedIntegrationsProps) {
  const publicUrl = usePublicUrl(workflowId);
  if (integrations.length === 0) return null;
  const withUrls = integrations.filter((integration) => integration.tokenPath !== null);
  return (
    <div className="flex flex-col gap-2">
      <ul aria-label="Imported integrations" className="divide-y divide-zinc-100 rounded-md border border-zinc-200">
        {integrations.map((integration) => (
          <li key={integration.id} className="flex flex-col gap-1.5 px-3 py-2 text-sm">
            <span className="flex items-center gap-2">
              <Link href={integrationHref(integration.id)} onClick={onNavigate} className="text-indigo-700 hover:underline">
                {integration.name}
              </Link>
              <span className="text-xs text-zinc-500">{integration.kind === 'inbound' ? 'inbound' : 'outbound'}</span>
            </span>
            {integration.tokenPath !== null ? (
              <span className="flex items-center gap-2">
                <input
                  readOnly
                  aria-label={`URL of ${integration.name}`}
                  value={inboundUrl(publicUrl, integration.tokenPath)}
                  spellCheck={false}
                  onFocus={(event) => event.currentTarget.select()}
                  className="h-7 min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-2 font-mono text-xs text-zinc-800"
                />
                <CopyButton text={inboundUrl(publicUrl, integration.tokenPath)} label={`Copy URL of ${integration.name}`} />
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {withUrls.length > 0 ? (
        <p role="note" className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          <AlertTriangle aria-hidden className="mt-0.5 size-3.5 shrink-0" />
          {withUrls.length === 1 ? 'The imported inbound integration with URL authentication got a new URL' : 'The imported inbound integrations with URL authentication got new URLs'}: copy{' '}
          {withUrls.length === 1 ? 'it' : 'them'} now, they won’t be shown again. Give {withUrls.length === 1 ? 'it' : 'them'} to the systems that call Flowyard.
        </p>
      ) : null}
    </div>
  );
}
