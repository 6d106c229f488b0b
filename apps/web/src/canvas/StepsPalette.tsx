import { useReactFlow } from '@xyflow/react';
import { GripVertical, Search } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'wouter';
import { cn } from '../lib/cn';
import { customStepIconComponents, customStepTile } from '../steps/custom-step-icons';
import { useCustomStepCatalog } from './custom-steps-context';
import { STEP_DRAG_TYPE, stepDragData } from './drag-data';
import { useFlowStoreApi } from './flow-store-context';
import type { NewStep } from './new-step-node';
import { paletteOrder, stepVisuals, type StepVisual } from './step-visuals';
import { STEP_HEIGHT, STEP_WIDTH, useRevealStep } from './use-reveal-step';

const GAP = 72;

/**
 * Where a step added without dragging goes: below the selected step (and connected to it, so a
 * flow can be built from the keyboard), else below the lowest step, else mid-canvas. The view
 * follows when the new step would be out of sight.
 */
function useAddStep() {
  const { screenToFlowPosition } = useReactFlow();
  const reveal = useRevealStep();
  const flowStore = useFlowStoreApi();
  return (step: NewStep) => {
    const { nodes } = flowStore.getState();
    const selected = nodes.filter((n) => n.selected);
    const anchor = selected.length === 1 ? selected[0] : [...nodes].sort((a, b) => b.position.y - a.position.y)[0];
    let position: { x: number; y: number };
    if (anchor) {
      position = { x: anchor.position.x, y: anchor.position.y + (anchor.measured?.height ?? STEP_HEIGHT) + GAP };
      // Keep clear of whatever already sits there.
      while (nodes.some((n) => Math.abs(n.position.x - position.x) < STEP_WIDTH && Math.abs(n.position.y - position.y) < STEP_HEIGHT)) {
        position = { x: position.x + STEP_WIDTH + 32, y: position.y };
      }
    } else {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      const center = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 3 } : { x: 400, y: 300 };
      const at = screenToFlowPosition(center);
      position = { x: Math.round(at.x - STEP_WIDTH / 2), y: Math.round(at.y - STEP_HEIGHT / 2) };
    }
    flowStore.getState().addStep(step, position, selected.length === 1 ? selected[0]?.id : null);
    reveal(position);
  };
}

/** True when every word typed appears in the step's name or description. */
function matches(query: string, visual: Pick<StepVisual, 'label' | 'description'>): boolean {
  const text = `${visual.label} ${visual.description}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => text.includes(word));
}

/**
 * The steps a person can drag onto the canvas (or add with Enter / a click): built-in steps, then
 * custom steps. Typing in the search box filters both; Enter there adds the first match.
 */
export function StepsPalette() {
  const add = useAddStep();
  const catalog = useCustomStepCatalog();
  const [query, setQuery] = useState('');
  const builtIn = paletteOrder.map((type) => ({ step: { type } satisfies NewStep, visual: stepVisuals[type], testId: `palette-${type}` })).filter((item) => matches(query, item.visual));
  const customSteps = [...catalog.steps]
    .sort((a, b) => a.step.name.localeCompare(b.step.name))
    .map((view) => ({
      step: { type: 'custom-step', customStepId: view.id, title: view.step.name } satisfies NewStep,
      visual: { label: view.step.name, description: view.step.description || 'Custom step', icon: customStepIconComponents[view.step.icon], tile: customStepTile },
      testId: `palette-custom-${view.id}`,
    }))
    .filter((item) => matches(query, item.visual));
  const first = builtIn[0] ?? customSteps[0];
  const searching = query.trim() !== '';

  return (
    <section aria-label="Steps palette" className="flex w-56 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50/80">
      <div className="px-3 pt-3">
        <label className="relative block">
          <span className="sr-only">Search steps</span>
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-zinc-400" />
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && first) {
                event.preventDefault();
                add(first.step);
              } else if (event.key === 'Escape') {
                setQuery('');
              }
            }}
            placeholder="Search steps"
            aria-description="Enter adds the first match after the selected step"
            className="w-full rounded-md border border-zinc-200 bg-white py-1.5 pr-2 pl-8 text-sm text-zinc-900 outline-none placeholder:text-zinc-400 focus:border-indigo-400 focus:ring-2 focus:ring-indigo-500/20"
          />
        </label>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto pb-3">
        {searching && !first ? <p className="px-4 pt-4 text-xs text-zinc-500">No step matches “{query.trim()}”.</p> : null}
        {builtIn.length > 0 ? (
          <>
            <h2 id="palette-built-in" className="px-4 pt-4 pb-2 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
              Steps
            </h2>
            <ul aria-labelledby="palette-built-in" className="flex flex-col gap-1.5 px-3">
              {builtIn.map((item) => (
                <li key={item.testId}>
                  <PaletteItem step={item.step} visual={item.visual} testId={item.testId} onAdd={add} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {searching && customSteps.length === 0 ? null : (
          <h2 id="palette-custom" className="px-4 pt-5 pb-2 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
            Custom steps
          </h2>
        )}
        {searching && customSteps.length === 0 ? null : catalog.loading ? (
          <p className="px-4 text-xs text-zinc-400">Loading…</p>
        ) : customSteps.length === 0 ? (
          <p className="px-4 text-xs leading-relaxed text-zinc-500">
            None yet.{' '}
            <Link href="/steps/new" className="text-indigo-700 hover:underline">
              Create a step
            </Link>{' '}
            with its own inputs and script.
          </p>
        ) : (
          <ul aria-labelledby="palette-custom" className="flex flex-col gap-1.5 px-3">
            {customSteps.map((item) => (
              <li key={item.testId}>
                <PaletteItem step={item.step} visual={item.visual} testId={item.testId} onAdd={add} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="shrink-0 border-t border-zinc-200/70 px-4 py-3 text-xs leading-relaxed text-zinc-400">
        Drag a step onto the canvas, then connect it by dragging from one handle to another.
      </p>
    </section>
  );
}

interface PaletteItemProps {
  step: NewStep;
  visual: StepVisual;
  testId: string;
  onAdd(step: NewStep): void;
}

function PaletteItem({ step, visual, testId, onAdd }: PaletteItemProps) {
  const Icon = visual.icon;
  return (
    <button
      type="button"
      draggable
      data-testid={testId}
      aria-label={visual.label}
      aria-description={`${visual.description}. Drag onto the canvas, or press Enter to add it below the selected step.`}
      onDragStart={(event) => {
        event.dataTransfer.setData(STEP_DRAG_TYPE, stepDragData(step));
        event.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={() => onAdd(step)}
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
        <span className="block truncate text-sm font-medium text-zinc-900">{visual.label}</span>
        <span className="block truncate text-xs text-zinc-500">{visual.description}</span>
      </span>
      <GripVertical aria-hidden className="size-4 text-zinc-300 group-hover:text-zinc-400" />
    </button>
  );
}
