import type { FlowSummary } from '@flowyard/engine/schemas';
import { Pencil, Trash2, Workflow } from 'lucide-react';
import { Link } from 'wouter';
import { IconButton } from '../ui/Button';
import { formatRelativeTime } from '../lib/relative-time';

export interface FlowListProps {
  flows: FlowSummary[];
  /** Without it (a role that may not edit flows) there is no Rename button; the same for onDelete. */
  onRename?(flow: FlowSummary): void;
  onDelete?(flow: FlowSummary): void;
}

/** The workflow's flows as links to their canvas, with rename and delete. */
export function FlowList({ flows, onRename, onDelete }: FlowListProps) {
  const now = Date.now();
  return (
    <ul aria-label="Flows" className="divide-y divide-zinc-100 overflow-hidden rounded-lg border border-zinc-200 bg-white">
      {flows.map((flow) => (
        <li key={flow.id} className="group flex items-center gap-4 px-4 py-3 hover:bg-zinc-50">
          <div className="flex size-9 shrink-0 items-center justify-center rounded-md bg-zinc-100 text-zinc-500">
            <Workflow aria-hidden className="size-4" />
          </div>
          <div className="flex min-w-0 flex-1 flex-col">
            <Link href={`/flows/${encodeURIComponent(flow.id)}`} className="self-start truncate text-sm font-medium text-zinc-900 hover:text-indigo-700 hover:underline">
              {flow.name}
            </Link>
            <span className="text-xs text-zinc-500">
              Edited <time dateTime={flow.updatedAt}>{formatRelativeTime(flow.updatedAt, now)}</time>
            </span>
          </div>
          <div className="flex items-center gap-1 opacity-70 group-hover:opacity-100 focus-within:opacity-100">
            {onRename ? (
              <IconButton label={`Rename flow ${flow.name}`} icon={<Pencil aria-hidden className="size-4" />} onClick={() => onRename(flow)} />
            ) : null}
            {onDelete ? (
              <IconButton
                label={`Delete flow ${flow.name}`}
                tone="danger"
                icon={<Trash2 aria-hidden className="size-4" />}
                onClick={() => onDelete(flow)}
              />
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
