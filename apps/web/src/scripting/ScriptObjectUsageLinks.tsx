import type { ScriptObjectUsage } from '@flowyard/engine/schemas';
import { FileCode2, Library } from 'lucide-react';
import { Link } from 'wouter';
import { scriptObjectUsageHref } from './script-object-paths';

export interface ScriptObjectUsageLinksProps {
  usage: readonly ScriptObjectUsage[];
  /** The list's accessible name, e.g. "Library usage". */
  label: string;
  /** Called when a link is followed, e.g. to close the dialog holding the list. */
  onNavigate?(): void;
}

/** The custom step scripts and shared libraries that read a library or constant, each a link to its editor. */
export function ScriptObjectUsageLinks({ usage, label, onNavigate }: ScriptObjectUsageLinksProps) {
  return (
    <ul aria-label={label} className="divide-y divide-zinc-100 rounded-md border border-zinc-200">
      {usage.map((use) => {
        const Icon = use.kind === 'script' ? FileCode2 : Library;
        return (
          <li key={`${use.kind}:${use.kind === 'script' ? use.customStepId : use.libraryId}`} className="flex items-center gap-2 px-3 py-2 text-sm">
            <Icon aria-hidden className="size-4 shrink-0 text-zinc-400" />
            <Link href={scriptObjectUsageHref(use)} onClick={() => onNavigate?.()} className="text-indigo-700 hover:underline">
              {use.kind === 'script' ? use.customStepName : use.libraryName}
            </Link>
            <span className="ml-auto text-xs text-zinc-500">
              {use.kind === 'script' ? 'custom step script' : 'shared library'}, {use.occurrences === 1 ? 'once' : `${use.occurrences} times`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
