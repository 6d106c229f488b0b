import { Braces, Search } from 'lucide-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { formatStartTime } from '../../activity/format';
import { useFlowStore } from '../flow-store-context';
import { dataGroups, searchGroups, type SearchedGroup } from './data-groups';
import { referenceShape } from './last-run-data';
import { StepData } from './StepData';
import { useLastRun, type LastRun } from './use-last-run';
import { useUpstreamSteps } from './use-upstream-steps';

export interface AvailableDataProps {
  nodeId: string;
  /** Puts `{{reference}}` into the settings field last focused (or the first one). */
  onInsert(text: string): void;
}

/**
 * "Available data": for each step upstream of this one, the fields of its output in the flow's
 * last run (a searchable tree), else the trigger's test payload or the step's declared outputs;
 * each field a button that inserts its exact `{{reference}}`.
 */
export function AvailableData({ nodeId, onInsert }: AvailableDataProps) {
  const steps = useUpstreamSteps(nodeId);
  const flowId = useFlowStore((s) => s.flowId);
  const lastRun = useLastRun(flowId);
  const runSteps = lastRun.state === 'ready' ? lastRun.steps : null;
  const [query, setQuery] = useState('');
  // Searching a large output walks all of it: let typing stay ahead of the tree.
  const deferredQuery = useDeferredValue(query);

  const shape = useMemo(() => referenceShape(steps, runSteps && { steps: runSteps }), [steps, runSteps]);
  const groups = useMemo(() => dataGroups(steps, runSteps && { steps: runSteps }, shape), [steps, runSteps, shape]);
  const searched = useMemo(() => searchGroups(groups, deferredQuery), [groups, deferredQuery]);
  const shown = useMemo(() => searched.filter((group) => group.visible), [searched]);
  // A step deep in a large flow has hundreds of upstream steps: their trees render after the
  // panel, in the background, so selecting a step (e.g. as its drag starts) does not stall the canvas.
  const listed = useDeferredValue(shown, noGroups);

  return (
    <section aria-label="Available data" className="flex flex-col gap-2 border-t border-zinc-100 pt-4">
      <h3 className="flex items-center gap-1.5 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
        <Braces aria-hidden className="size-3.5" />
        Available data
      </h3>
      {steps.length === 0 ? (
        <p className="text-xs text-zinc-500">Connect this step after another one to use that step’s outputs here.</p>
      ) : (
        <>
          <label className="flex items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-2 py-1 focus-within:border-indigo-400">
            <Search aria-hidden className="size-3.5 text-zinc-400" />
            <input
              type="search"
              aria-label="Search available data"
              placeholder="Search fields and values"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              className="min-w-0 flex-1 bg-transparent text-xs outline-none"
            />
          </label>
          <RunNote lastRun={lastRun} />
          {shown.length === 0 ? <p className="text-xs text-zinc-500">Nothing matches “{query.trim()}”.</p> : null}
          {listed.map((group) => (
            <StepData key={group.step.nodeId} group={group} shape={shape} hasRun={runSteps !== null} onInsert={onInsert} />
          ))}
        </>
      )}
    </section>
  );
}

const noGroups: SearchedGroup[] = [];

function RunNote({ lastRun }: { lastRun: LastRun }) {
  const text =
    lastRun.state === 'loading'
      ? 'Loading the last run…'
      : lastRun.state === 'none'
        ? 'No run yet: run the flow to see the fields of each step’s output. Click to insert at the cursor of the last field you were in.'
        : `Fields from the last run (${lastRun.run.status}, ${formatStartTime(lastRun.run.startedAt)}). Click to insert at the cursor of the last field you were in.`;
  return (
    <p className="text-xs text-zinc-500" role="status">
      {text}
    </p>
  );
}
