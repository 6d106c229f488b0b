import type { CustomStepView } from '@flowyard/engine/schemas';
import { Globe, X } from 'lucide-react';
import { Link } from 'wouter';
import { Badge } from '../ui/Badge';
import { IconButton } from '../ui/Button';
import { customStepIconComponents, customStepTile } from './custom-step-icons';
import { cn } from '../lib/cn';

export interface CustomStepListProps {
  steps: readonly CustomStepView[];
  /** Without it (a role that may not edit steps) there is no X. */
  onDelete?(step: CustomStepView): void;
}

/** The Steps library: each custom step with its icon, name (opens the editor), description and usage. */
export function CustomStepList({ steps, onDelete }: CustomStepListProps) {
  return (
    <ul aria-label="Custom steps" className="divide-y divide-zinc-100 overflow-hidden rounded-lg border border-zinc-200 bg-white">
      {steps.map((view) => {
        const Icon = customStepIconComponents[view.step.icon];
        return (
          <li key={view.id} className="flex items-center gap-4 px-4 py-3 hover:bg-zinc-50">
            <div className={cn('flex size-9 shrink-0 items-center justify-center rounded-md ring-1 ring-inset', customStepTile)}>
              <Icon aria-hidden className="size-4" />
            </div>
            <div className="flex min-w-0 flex-1 flex-col">
              <Link
                href={`/steps/${encodeURIComponent(view.id)}`}
                className="self-start truncate text-sm font-medium text-zinc-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500"
              >
                {view.step.name}
              </Link>
              <span className="truncate text-xs text-zinc-500">{view.step.description || 'No description'}</span>
            </div>
            {view.step.includeEndpoint ? (
              <Badge tone="accent" title="Calls an endpoint">
                <Globe aria-hidden className="size-3" />
                {view.step.endpointLabel}
              </Badge>
            ) : null}
            <span className="w-28 text-right text-xs text-zinc-500">
              {view.usageCount === 0 ? 'Not used' : `Used in ${view.usageCount} ${view.usageCount === 1 ? 'place' : 'places'}`}
            </span>
            {onDelete ? (
              <IconButton label={`Delete step ${view.step.name}`} tone="danger" icon={<X aria-hidden className="size-4" />} onClick={() => onDelete(view)} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
