import type { RunSummary } from '@flowyard/engine/schemas';
import { Plug, UserRound, Webhook, Play } from 'lucide-react';
import { Link } from 'wouter';

/** How the selected run started and the user it acted as (SPEC §9: its steps had that user's permissions). */
export function RunOrigin({ run }: { run: RunSummary }) {
  const Icon = run.trigger.type === 'http' ? Webhook : run.trigger.type === 'integration' ? Plug : Play;
  return (
    <div className="flex flex-col gap-0.5 border-b border-zinc-100 px-3 py-2 text-xs text-zinc-600">
      <span className="flex items-center gap-1.5">
        <Icon aria-hidden className="size-3.5 text-zinc-400" />
        {run.trigger.type === 'http' ? (
          'Started by a call to its HTTP trigger'
        ) : run.trigger.type === 'integration' ? (
          <span>
            Started by the integration{' '}
            {run.origin ? (
              <Link href={`/integration-builder/integrations/${encodeURIComponent(run.origin.integrationId)}`} className="font-semibold text-indigo-700 hover:underline">
                {run.origin.integrationName}
              </Link>
            ) : (
              'that was removed'
            )}
          </span>
        ) : (
          'Started with Run'
        )}
      </span>
      <span className="flex items-center gap-1.5" title={run.actedAs.email}>
        <UserRound aria-hidden className="size-3.5 text-zinc-400" />
        <span>
          Acted as <strong className="font-semibold text-zinc-800">{run.actedAs.name}</strong>
        </span>
      </span>
    </div>
  );
}
