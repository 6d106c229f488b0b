import type { EndpointScriptUsage } from '@flowyard/engine/schemas';
import { FileCode2 } from 'lucide-react';
import { Link } from 'wouter';
import { scriptUsageHref } from './usage-link';

export interface ScriptUsageLinksProps {
  scripts: readonly EndpointScriptUsage[];
  /** Called when a link is followed, e.g. to close the dialog holding the list. */
  onNavigate?(): void;
}

/** Custom steps whose scripts name an endpoint literally, each a link to the step's editor (named by the step). */
export function ScriptUsageLinks({ scripts, onNavigate }: ScriptUsageLinksProps) {
  return (
    <ul aria-label="Script usage" className="divide-y divide-zinc-100 rounded-md border border-zinc-200">
      {scripts.map((entry) => (
        <li key={entry.customStepId} className="flex items-center gap-2 px-3 py-2 text-sm">
          <FileCode2 aria-hidden className="size-4 shrink-0 text-zinc-400" />
          <Link href={scriptUsageHref(entry)} onClick={() => onNavigate?.()} className="text-indigo-700 hover:underline">
            {entry.customStepName}
          </Link>
          <span className="ml-auto text-xs text-zinc-500">
            script names it {entry.occurrences === 1 ? 'once' : `${entry.occurrences} times`}
          </span>
        </li>
      ))}
    </ul>
  );
}
