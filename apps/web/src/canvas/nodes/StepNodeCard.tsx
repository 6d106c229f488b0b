import type { FlowNodeType, StepStatus } from '@flowyard/engine/schemas';
import { Handle, Position } from '@xyflow/react';
import { AlertTriangle, CheckCircle2, CircleDashed, CircleSlash, Loader2, XCircle } from 'lucide-react';
import { cn } from '../../lib/cn';
import { useNodeRunStatus } from '../run-status-context';
import { stepVisuals } from '../step-visuals';

export interface StepNodeCardProps {
  id: string;
  type: FlowNodeType;
  name: string;
  selected: boolean;
  /** What still needs setting; a non-empty list shows the "Needs settings" badge. */
  problems: readonly string[];
  /** Triggers start a flow, so they have no input handle. Flows read top to bottom. */
  hasInput: boolean;
}

const statusRing: Record<StepStatus, string> = {
  running: 'ring-2 ring-sky-400 shadow-sky-100',
  succeeded: 'ring-2 ring-emerald-500',
  failed: 'ring-2 ring-red-500',
  skipped: 'ring-2 ring-zinc-300 opacity-70',
  interrupted: 'ring-2 ring-amber-400',
};

const statusIcon = {
  running: { icon: Loader2, className: 'animate-spin text-sky-500' },
  succeeded: { icon: CheckCircle2, className: 'text-emerald-600' },
  failed: { icon: XCircle, className: 'text-red-600' },
  skipped: { icon: CircleSlash, className: 'text-zinc-400' },
  interrupted: { icon: CircleDashed, className: 'text-amber-500' },
} as const;

const handleClass = '!size-3 !border-2 !border-white !bg-zinc-400 hover:!bg-indigo-500';

/** The look shared by every step on the canvas: icon, name, type, badges, handles, run status. */
export function StepNodeCard({ id, type, name, selected, problems, hasInput }: StepNodeCardProps) {
  const visual = stepVisuals[type];
  const Icon = visual.icon;
  const status = useNodeRunStatus(id);
  const StatusIcon = status ? statusIcon[status].icon : null;
  return (
    <div
      className={cn(
        'group relative flex w-56 items-center gap-3 rounded-xl border bg-white px-3 py-2.5 shadow-sm transition-shadow',
        selected ? 'border-indigo-500 shadow-md ring-2 ring-indigo-500/30' : 'border-zinc-200 hover:shadow-md',
        status && !selected && statusRing[status],
        status === 'running' && 'animate-pulse',
      )}
    >
      {hasInput ? <Handle type="target" position={Position.Top} className={handleClass} /> : null}
      <div className={cn('flex size-9 shrink-0 items-center justify-center rounded-lg ring-1 ring-inset', visual.tile)}>
        <Icon aria-hidden className="size-4.5" />
      </div>
      <div className="min-w-0 flex-1">
        <div className="truncate text-sm font-semibold text-zinc-900" title={name}>
          {name}
        </div>
        <div className="truncate text-xs text-zinc-500">{visual.label}</div>
      </div>
      {StatusIcon && status ? (
        <StatusIcon aria-label={`Status: ${status}`} className={cn('size-4 shrink-0', statusIcon[status].className)} />
      ) : null}
      {problems.length > 0 ? (
        <span
          aria-label="Needs settings"
          title={problems.join('\n')}
          className="absolute -top-2.5 -right-2 inline-flex items-center gap-1 rounded-full bg-amber-100 px-1.5 py-0.5 text-[10px] font-semibold text-amber-800 ring-1 ring-amber-300"
        >
          <AlertTriangle aria-hidden className="size-3" />
          Needs settings
        </span>
      ) : null}
      <Handle type="source" position={Position.Bottom} className={handleClass} />
    </div>
  );
}
