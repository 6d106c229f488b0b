import { useRef } from 'react';
import type { CanvasNode } from './flow-store';
import { useFlowStore } from './flow-store-context';

/** Whether two step lists hold the same steps with the same settings objects (positions aside). */
function sameSteps(a: readonly CanvasNode[], b: readonly CanvasNode[]): boolean {
  return a === b || (a.length === b.length && a.every((node, i) => node.id === b[i]?.id && node.data === b[i]?.data));
}

/**
 * The open flow's steps as last seen while only positions, sizes or selection changed since: the
 * same array as long as every step keeps its id and its `data` object (a drag frame replaces the
 * dragged step but keeps its data), so what depends on names and settings does not re-render or
 * recompute on drag frames. A plain loop: no array is built per frame, even at 1,000 steps.
 */
export function useStepsIgnoringPositions(): CanvasNode[] {
  const seen = useRef<CanvasNode[] | null>(null);
  return useFlowStore((s) => {
    const last = seen.current;
    if (last !== null && sameSteps(last, s.nodes)) return last;
    seen.current = s.nodes;
    return s.nodes;
  });
}
