import { Workflow } from 'lucide-react';
import { Link } from 'wouter';
import { usageHref, usageLabel, type FlowStepRef } from './usage-link';

export interface UsageLinksProps {
  usage: readonly FlowStepRef[];
  /** Called when a link is followed, e.g. to close the dialog holding the list. */
  onNavigate?(): void;
  label?: string;
}

/** Each flow step that uses an endpoint, as a link opening the flow with the step selected. */
export function UsageLinks({ usage, onNavigate, label = 'Endpoint usage' }: UsageLinksProps) {
  return (
    <ul aria-label={label} className="divide-y divide-zinc-100 rounded-md border border-zinc-200">
      {usage.map((entry) => (
        <li key={`${entry.flowId}/${entry.nodeId}`}>
          <Link
            href={usageHref(entry)}
            onClick={() => onNavigate?.()}
            className="flex items-center gap-2 px-3 py-2 text-sm text-indigo-700 hover:bg-indigo-50 hover:underline"
          >
            <Workflow aria-hidden className="size-4 shrink-0 text-zinc-400" />
            {usageLabel(entry)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
