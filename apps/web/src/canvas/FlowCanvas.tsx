import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type Node,
} from '@xyflow/react';
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { useRunStepStatuses } from '../activity/use-run-detail';
import { droppedStep, STEP_DRAG_TYPE } from './drag-data';
import type { CanvasEdge, CanvasNode } from './flow-store';
import { useFlowStore, useFlowStoreApi } from './flow-store-context';
import { connectionProblem } from './graph-rules';
import { nodeTypes } from './nodes/node-types';
import { RunStatusContext } from './run-status-context';

/** What React Flow renders: the stored node plus test ids and the selected run's status on its element. */
type ViewNode = CanvasNode & Pick<Node, 'domAttributes'>;

const defaultEdgeOptions = {
  type: 'smoothstep',
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
  style: { strokeWidth: 1.75 },
};

const fitViewOptions = { maxZoom: 1.1, padding: 0.3 };

const minimapColors = {
  none: '#c7d2fe',
  running: '#7dd3fc',
  succeeded: '#6ee7b7',
  failed: '#fca5a5',
  skipped: '#e4e4e7',
  interrupted: '#fcd34d',
} as const;

/** The canvas: shows the store's graph and turns every gesture into a store action. */
export function FlowCanvas() {
  const nodes = useFlowStore((s) => s.nodes);
  const edges = useFlowStore((s) => s.edges);
  const selectedRunId = useFlowStore((s) => s.selectedRunId);
  const statuses = useRunStepStatuses(selectedRunId);
  const { screenToFlowPosition } = useReactFlow();
  const flowStore = useFlowStoreApi();
  // Fit the view to the steps the flow opened with; an empty flow keeps its view, so the first
  // step dropped stays where it was dropped (a fitView prop would fit it once it appears).
  const [fitOnOpen] = useState(() => flowStore.getState().nodes.length > 0);
  const isValidConnection = useCallback((connection: Connection | Edge) => connectionProblem(flowStore.getState(), connection) === null, [flowStore]);

  const viewNodes = useMemo(
    () =>
      nodes.map((node): ViewNode => {
        const status = statuses.get(node.id);
        const attributes: Record<string, string> = { 'data-testid': `node-${node.id}` };
        if (status) attributes['data-status'] = status;
        return { ...node, domAttributes: attributes };
      }),
    [nodes, statuses],
  );

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(STEP_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  const onDrop = (event: DragEvent) => {
    const step = droppedStep(event.dataTransfer);
    if (!step) return;
    event.preventDefault();
    const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    // Centre the new node (about 224 × 56) under the pointer.
    flowStore.getState().addStep(step, { x: Math.round(at.x - 112), y: Math.round(at.y - 28) });
  };

  return (
    <RunStatusContext.Provider value={statuses}>
      <div className="relative min-h-0 flex-1" onDragOver={onDragOver} onDrop={onDrop}>
        <ReactFlow<ViewNode, CanvasEdge>
          nodes={viewNodes}
          edges={edges}
          nodeTypes={nodeTypes}
          defaultEdgeOptions={defaultEdgeOptions}
          onNodesChange={(changes) => flowStore.getState().applyNodeChanges(changes)}
          onEdgesChange={(changes) => flowStore.getState().applyEdgeChanges(changes)}
          onConnect={(connection) => flowStore.getState().connect(connection)}
          onNodeDragStop={() => flowStore.getState().moveEnd()}
          onSelectionDragStop={() => flowStore.getState().moveEnd()}
          isValidConnection={isValidConnection}
          // Deleting goes through the store (one undo step, attached edges included); see use-editor-shortcuts.
          deleteKeyCode={null}
          fitView={fitOnOpen}
          fitViewOptions={fitViewOptions}
          minZoom={0.2}
          maxZoom={2}
          proOptions={{ hideAttribution: true }}
          className="bg-zinc-50"
        >
          <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="#d4d4d8" />
          <Controls showInteractive={false} position="bottom-left" fitViewOptions={fitViewOptions} />
          <MiniMap
            pannable
            zoomable
            position="bottom-right"
            ariaLabel="Flow overview"
            nodeColor={(node) => minimapColors[statuses.get(node.id) ?? 'none']}
            nodeBorderRadius={8}
            className="!h-24 !w-36 overflow-hidden !rounded-lg !border !border-zinc-200"
            style={{ width: 144, height: 96 }}
          />
        </ReactFlow>
        {nodes.length === 0 ? (
          <div className="pointer-events-none absolute inset-0 flex items-center justify-center">
            <div className="rounded-xl border border-dashed border-zinc-300 bg-white/80 px-6 py-5 text-center">
              <p className="text-sm font-medium text-zinc-700">This flow is empty</p>
              <p className="mt-1 text-xs text-zinc-500">Drag a Manual Trigger from the palette to start.</p>
            </div>
          </div>
        ) : null}
      </div>
    </RunStatusContext.Provider>
  );
}
