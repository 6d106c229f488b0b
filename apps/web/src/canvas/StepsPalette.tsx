import type { FlowNodeType } from '@flowyard/engine/schemas';
import { useReactFlow } from '@xyflow/react';
import { GripVertical } from 'lucide-react';
import { cn } from '../lib/cn';
import { STEP_DRAG_TYPE } from './drag-data';
import { flowStore } from './flow-store';
import { paletteOrder, stepVisuals } from './step-visuals';

/** Where a step added without dragging goes: the middle of the visible canvas, nudged so steps don't stack. */
function usePlaceInView() {
  const { screenToFlowPosition } = useReactFlow();
  return () => {
    const pane = document.querySelector('.react-flow');
    const rect = pane?.getBoundingClientRect();
    const center = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: 400, y: 300 };
    const at = screenToFlowPosition(center);
    const nudge = (flowStore.getState().nodes.length % 6) * 24;
    return { x: at.x - 112 + nudge, y: at.y - 28 + nudge };
  };
}

/** The steps a person can drag onto the canvas (or add with Enter / a click). */
export function StepsPalette() {
  const placeInView = usePlaceInView();
  const add = (type: FlowNodeType) => flowStore.getState().addStep(type, placeInView());

  return (
    <section aria-label="Steps palette" className="flex w-56 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50/80">
      <h2 className="px-4 pt-4 pb-2 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">Steps</h2>
      <ul className="flex flex-col gap-1.5 px-3">
        {paletteOrder.map((type) => {
          const visual = stepVisuals[type];
          const Icon = visual.icon;
          return (
            <li key={type}>
              <button
                type="button"
                draggable
                data-testid={`palette-${type}`}
                aria-label={visual.label}
                aria-description={`${visual.description}. Drag onto the canvas, or press Enter to add.`}
                onDragStart={(event) => {
                  event.dataTransfer.setData(STEP_DRAG_TYPE, type);
                  event.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => add(type)}
                className={cn(
                  'group flex w-full cursor-grab items-center gap-2.5 rounded-lg border border-zinc-200 bg-white px-2.5 py-2 text-left shadow-xs',
                  'transition hover:border-indigo-300 hover:shadow-sm active:cursor-grabbing',
                  'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500',
                )}
              >
                <span className={cn('flex size-7 shrink-0 items-center justify-center rounded-md ring-1 ring-inset', visual.tile)}>
                  <Icon aria-hidden className="size-4" />
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block text-sm font-medium text-zinc-900">{visual.label}</span>
                  <span className="block truncate text-xs text-zinc-500">{visual.description}</span>
                </span>
                <GripVertical aria-hidden className="size-4 text-zinc-300 group-hover:text-zinc-400" />
              </button>
            </li>
          );
        })}
      </ul>
      <p className="mt-auto px-4 pb-4 text-xs leading-relaxed text-zinc-400">
        Drag a step onto the canvas, then connect it by dragging from one handle to another.
      </p>
    </section>
  );
}
