import type { RunStatus, StepStatus } from '@flowyard/engine/schemas';
import { CheckCircle2, CircleDashed, CircleSlash, Loader2, XCircle } from 'lucide-react';
import { cn } from '../lib/cn';

const looks = {
  running: { icon: Loader2, text: 'Running', className: 'text-sky-600', iconClass: 'animate-spin' },
  succeeded: { icon: CheckCircle2, text: 'Succeeded', className: 'text-emerald-700', iconClass: '' },
  failed: { icon: XCircle, text: 'Failed', className: 'text-red-700', iconClass: '' },
  skipped: { icon: CircleSlash, text: 'Skipped', className: 'text-zinc-500', iconClass: '' },
  interrupted: { icon: CircleDashed, text: 'Interrupted', className: 'text-amber-700', iconClass: '' },
} as const satisfies Record<RunStatus | StepStatus, unknown>;

/** A run or step status as an icon and a word. */
export function StatusLabel({ status, className }: { status: RunStatus | StepStatus; className?: string }) {
  const look = looks[status];
  const Icon = look.icon;
  return (
    <span className={cn('inline-flex items-center gap-1.5 text-xs font-medium', look.className, className)}>
      <Icon aria-hidden className={cn('size-3.5 shrink-0', look.iconClass)} />
      {look.text}
    </span>
  );
}
