import { upstreamOutputs, type UpstreamStep } from '@flowyard/engine/schemas';
import { useMemo } from 'react';
import { useCustomStepCatalog } from '../custom-steps-context';
import type { CanvasNode } from '../flow-store';
import { useFlowStore } from '../flow-store-context';
import { useStepsIgnoringPositions } from '../use-steps-ignoring-positions';

/** A step upstream of the selected one, with its node (for the trigger's test payload). */
export interface UpstreamNode extends UpstreamStep {
  node: CanvasNode | undefined;
}

/** The steps upstream of `nodeId` with their declared outputs, trigger first (recomputed when names, settings or edges change). */
export function useUpstreamSteps(nodeId: string): UpstreamNode[] {
  const { lookup, loading } = useCustomStepCatalog();
  // Dragging changes positions on every frame but never what is upstream: depend on data and edges only.
  const nodes = useStepsIgnoringPositions();
  const edges = useFlowStore((s) => s.edges);
  return useMemo(() => {
    return upstreamOutputs({ nodes, edges }, nodeId, loading ? undefined : lookup).map((step) => ({
      ...step,
      node: nodes.find((n) => n.id === step.nodeId),
    }));
  }, [nodes, edges, nodeId, lookup, loading]);
}
