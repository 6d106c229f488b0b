import type { FlowNodeType } from '@flowyard/engine/schemas';
import { useReactFlow } from '@xyflow/react';
import { GripVertical } from 'lucide-react';
import { cn } from '../lib/cn';
import { STEP_DRAG_TYPE } from './drag-data';
import { flowStore } from './flow-store';
import { paletteOrder, stepVisuals } from './step-visuals';

const NODE_WIDTH = 224;
const NODE_HEIGHT = 56;
const GAP = 72;

/**
 * Where a step added without dragging goes: below the selected step (and connected to it, so a
 * flow can be built from the keyboard), else below the lowest step, else mid-canvas. The view
 * follows when the new step would be out of sight.
 */
function useAddStep() {
  const { screenToFlowPosition, setCenter, getViewport } = useReactFlow();
  return (type: FlowNodeType) => {
    const { nodes } = flowStore.getState();
    const selected = nodes.filter((n) => n.selected);
    const anchor = selected.length === 1 ? selected[0] : [...nodes].sort((a, b) => b.position.y - a.position.y)[0];
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    let position: { x: number; y: number };
    if (anchor) {
      position = { x: anchor.position.x, y: anchor.position.y + (anchor.measured?.height ?? NODE_HEIGHT) + GAP };
      // Keep clear of whatever already sits there.
      while (nodes.some((n) => Math.abs(n.position.x - position.x) < NODE_WIDTH && Math.abs(n.position.y - position.y) < NODE_HEIGHT)) {
        position = { x: position.x + NODE_WIDTH + 32, y: position.y };
      }
    } else {
      const center = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 3 } : { x: 400, y: 300 };
      const at = screenToFlowPosition(center);
      position = { x: Math.round(at.x - NODE_WIDTH / 2), y: Math.round(at.y - NODE_HEIGHT / 2) };
    }
    flowStore.getState().addStep(type, position, selected.length === 1 ? selected[0]?.id : null);
    if (pane) {
      const { zoom } = getViewport();
      const topLeft = screenToFlowPosition({ x: pane.left, y: pane.top });
      const bottomRight = screenToFlowPosition({ x: pane.right, y: pane.bottom });
      const visible =
        position.x >= topLeft.x && position.y >= topLeft.y && position.x + NODE_WIDTH <= bottomRight.x && position.y + NODE_HEIGHT <= bottomRight.y;
      if (!visible) void setCenter(position.x + NODE_WIDTH / 2, position.y + NODE_HEIGHT / 2, { zoom, duration: 200 });
    }
  };
}

/** The steps a person can drag onto the canvas (or add with Enter / a click). */
export function StepsPalette() {
  const add = useAddStep();

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
                aria-description={`${visual.description}. Drag onto the canvas, or press Enter to add it below the selected step.`}
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
