import type { FlowListItem, FlowSummary } from '@flowyard/engine/schemas';
import { Copy, Pencil, Trash2, Workflow } from 'lucide-react';
import { Link } from 'wouter';
import { StatusLabel } from '../activity/StatusLabel';
import { IconButton } from '../ui/Button';
import { formatRelativeTime } from '../lib/relative-time';
import { cn } from '../lib/cn';

export interface FlowListProps {
  flows: FlowListItem[];
  /** Without it (a role that may not edit flows) there is no Rename button; the same for the others. */
  onRename?(flow: FlowSummary): void;
  onDelete?(flow: FlowSummary): void;
  onDuplicate?(flow: FlowSummary): void;
  onSetEnabled?(flow: FlowSummary, enabled: boolean): void;
}

/** The workflow's flows as links to their canvas, with their last run, rename, duplicate, on/off and delete. */
export function FlowList({ flows, onRename, onDelete, onDuplicate, onSetEnabled }: FlowListProps) {
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
              {flow.enabled ? null : <span className="ml-2 font-medium text-amber-700">Off: HTTP triggers answer 404</span>}
            </span>
          </div>
          <div aria-label={`Last run of ${flow.name}`} className="flex w-44 shrink-0 flex-col items-end text-right">
            {flow.lastRun ? (
              <>
                <StatusLabel status={flow.lastRun.status} />
                <time dateTime={flow.lastRun.startedAt} className="text-xs text-zinc-500">
                  {formatRelativeTime(flow.lastRun.startedAt, now)}
                </time>
              </>
            ) : (
              <span className="text-xs text-zinc-400">Never run</span>
            )}
          </div>
          {onSetEnabled ? (
            <label className="flex shrink-0 items-center gap-1.5 text-xs text-zinc-600" title="Off: the flow's HTTP trigger URLs answer 404 and start nothing">
              <input
                type="checkbox"
                role="switch"
                aria-label={`Flow ${flow.name} on`}
                checked={flow.enabled}
                onChange={(event) => onSetEnabled(flow, event.target.checked)}
                className={cn('size-4 accent-indigo-600')}
              />
              {flow.enabled ? 'On' : 'Off'}
            </label>
          ) : null}
          <div className="flex items-center gap-1 opacity-70 group-hover:opacity-100 focus-within:opacity-100">
            {onRename ? (
              <IconButton label={`Rename flow ${flow.name}`} icon={<Pencil aria-hidden className="size-4" />} onClick={() => onRename(flow)} />
            ) : null}
            {onDuplicate ? (
              <IconButton label={`Duplicate flow ${flow.name}`} icon={<Copy aria-hidden className="size-4" />} onClick={() => onDuplicate(flow)} />
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
