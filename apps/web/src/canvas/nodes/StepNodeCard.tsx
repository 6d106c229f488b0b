import type { StepStatus } from '@flowyard/engine/schemas';
import { Handle, Position } from '@xyflow/react';
import { AlertTriangle, CheckCircle2, CircleDashed, CircleSlash, KeyRound, Link2Off, Loader2, XCircle } from 'lucide-react';
import { PinBadge } from './PinBadge';
import { cn } from '../../lib/cn';
import { useNodeReferenceProblems } from '../reference-problems-context';
import { useNodeRunStatus } from '../run-status-context';
import type { StepVisual } from '../step-visuals';

/** One outgoing branch of a branching step: its handle id and what it is called on the canvas. */
export interface NodeBranch {
  id: string;
  label: string;
}

export interface StepNodeCardProps {
  id: string;
  /** The look: icon tile, and the type line under the name. */
  visual: Pick<StepVisual, 'label' | 'icon' | 'tile'>;
  name: string;
  selected: boolean;
  /** What still needs setting; a non-empty list shows the "Needs settings" badge. */
  problems: readonly string[];
  /** The step uses an imported endpoint still waiting for its credentials. */
  needsCredentials?: boolean;
  /** Triggers start a flow, so they have no input handle. Flows read top to bottom. */
  hasInput: boolean;
  /** A branching step's outgoing handles (left to right); without them the step has one unnamed output. */
  branches?: readonly NodeBranch[];
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

/** Room per branch label under a branching step, so labels do not overlap. */
const BRANCH_WIDTH = 84;
const CARD_WIDTH = 224;

/** The look shared by every step on the canvas: icon, name, type, badges, handles, run status. */
export function StepNodeCard({ id, visual, name, selected, problems, needsCredentials = false, hasInput, branches }: StepNodeCardProps) {
  const Icon = visual.icon;
  const status = useNodeRunStatus(id);
  const referenceProblems = useNodeReferenceProblems(id);
  const StatusIcon = status ? statusIcon[status].icon : null;
  const width = branches ? Math.max(CARD_WIDTH, branches.length * BRANCH_WIDTH) : CARD_WIDTH;
  return (
    <div
      style={{ width }}
      className={cn(
        'fy-step-card group relative flex items-center gap-3 rounded-xl border bg-white px-3 py-2.5 shadow-sm transition-shadow',
        selected ? 'border-indigo-500 shadow-md ring-2 ring-indigo-500/30' : 'border-zinc-200 hover:shadow-md',
        status && !selected && statusRing[status],
        status === 'running' && 'animate-pulse',
        branches && 'mb-5',
      )}
    >
      {hasInput ? <Handle type="target" position={Position.Top} className={handleClass} /> : null}
      <div className={cn('fy-node-detail flex size-9 shrink-0 items-center justify-center rounded-lg ring-1 ring-inset', visual.tile)}>
        <Icon aria-hidden className="size-4.5" />
      </div>
      <div className="min-w-0 flex-1">
        <div className="truncate text-sm font-semibold text-zinc-900" title={name}>
          {name}
        </div>
        <div className="fy-node-detail truncate text-xs text-zinc-500">{visual.label}</div>
      </div>
      <PinBadge nodeId={id} />
      {StatusIcon && status ? (
        <StatusIcon aria-label={`Status: ${status}`} className={cn('size-4 shrink-0', statusIcon[status].className)} />
      ) : null}
      {problems.length > 0 || referenceProblems.length > 0 || needsCredentials ? (
        <div className="absolute -top-2.5 -right-2 flex gap-1">
          {referenceProblems.length > 0 ? (
            <span
              aria-label="Invalid reference"
              title={referenceProblems.map((p) => p.message).join('\n')}
              className="inline-flex items-center gap-1 rounded-full bg-red-100 px-1.5 py-0.5 text-[10px] font-semibold text-red-800 ring-1 ring-red-300"
            >
              <Link2Off aria-hidden className="size-3" />
              Invalid reference
            </span>
          ) : null}
          {problems.length > 0 ? (
            <span
              aria-label="Needs settings"
              title={problems.join('\n')}
              className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-1.5 py-0.5 text-[10px] font-semibold text-amber-800 ring-1 ring-amber-300"
            >
              <AlertTriangle aria-hidden className="size-3" />
              Needs settings
            </span>
          ) : null}
          {needsCredentials ? (
            <span
              aria-label="Needs credentials"
              title="Its endpoint was imported without credentials: open the endpoint, enter them and save"
              className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-1.5 py-0.5 text-[10px] font-semibold text-amber-800 ring-1 ring-amber-300"
            >
              <KeyRound aria-hidden className="size-3" />
              Needs credentials
            </span>
          ) : null}
        </div>
      ) : null}
      {branches ? (
        branches.map((branch, index) => {
          const left = `${((index + 0.5) / branches.length) * 100}%`;
          return (
            <div key={branch.id}>
              <Handle
                type="source"
                position={Position.Bottom}
                id={branch.id}
                style={{ left }}
                aria-label={`Branch ${branch.label}`}
                title={branch.label}
                className={cn(handleClass, branch.id === 'default' && '!bg-zinc-300')}
              />
              <span
                aria-hidden
                style={{ left, maxWidth: BRANCH_WIDTH - 8 }}
                className={cn(
                  'pointer-events-none absolute top-full mt-2 -translate-x-1/2 truncate rounded px-1 text-[10px] leading-4 font-medium',
                  branch.id === 'default' ? 'bg-zinc-100 text-zinc-500 italic' : 'bg-amber-50 text-amber-800',
                )}
              >
                {branch.label}
              </span>
            </div>
          );
        })
      ) : (
        <Handle type="source" position={Position.Bottom} className={handleClass} />
      )}
    </div>
  );
}
