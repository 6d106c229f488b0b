import { upstreamOutputs, type UpstreamStep } from '@flowyard/engine/schemas';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCustomStepCatalog } from '../custom-steps-context';
import type { CanvasNode } from '../flow-store';
import { useFlowStore, useFlowStoreApi } from '../flow-store-context';

/** A step upstream of the selected one, with its node (for the trigger's test payload). */
export interface UpstreamNode extends UpstreamStep {
  node: CanvasNode | undefined;
}

/** The steps upstream of `nodeId` with their declared outputs, trigger first (recomputed when names, settings or edges change). */
export function useUpstreamSteps(nodeId: string): UpstreamNode[] {
  const { lookup, loading } = useCustomStepCatalog();
  const flowStore = useFlowStoreApi();
  // Dragging changes positions on every frame but never what is upstream: depend on data and edges only.
  const data = useFlowStore(useShallow((s) => s.nodes.map((n) => n.data)));
  const edges = useFlowStore((s) => s.edges);
  return useMemo(() => {
    const { nodes } = flowStore.getState();
    return upstreamOutputs({ nodes, edges }, nodeId, loading ? undefined : lookup).map((step) => ({
      ...step,
      node: nodes.find((n) => n.id === step.nodeId),
    }));
  }, [flowStore, data, edges, nodeId, lookup, loading]);
}
