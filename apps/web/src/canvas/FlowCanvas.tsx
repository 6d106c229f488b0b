import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore as useReactFlowState,
  type Connection,
  type Edge,
  type EdgeChange,
  type FitViewOptions,
  type Node,
} from '@xyflow/react';
import { Map as MapIcon } from 'lucide-react';
import type { StepStatus } from '@flowyard/engine/schemas';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { useRunStepStatuses } from '../activity/use-run-detail';
import { useTheme } from '../lib/theme';
import { useLocalPreference } from '../lib/use-local-preference';
import { CanvasContextMenu, type CanvasMenuTarget } from './CanvasContextMenu';
import { CanvasReadOnlyContext } from './canvas-read-only-context';
import { droppedStep, STEP_DRAG_TYPE } from './drag-data';
import { useKeyedSourceOf } from './keyed-source';
import type { CanvasChange, CanvasEdge, CanvasNode, CanvasNote, FlowStore } from './flow-store';
import { useFlowStore, useFlowStoreApi } from './flow-store-context';
import { connectionProblem } from './graph-rules';
import { canvasNodeTypes } from './nodes/node-types';
import type { NoteViewNode } from './nodes/NoteNode';
import { RunStatusContext } from './run-status-context';
import type { CanvasCommands } from './use-canvas-commands';
import { STEP_HEIGHT, STEP_WIDTH } from './use-reveal-step';

/** What React Flow renders: the stored step plus test ids and the selected run's status on its element, or a note. */
type ViewNode = (CanvasNode & Pick<Node, 'domAttributes'>) | NoteViewNode;

/**
 * Below this zoom a step's icon, type line, shadow and the arrowheads are too small to read, so
 * they are not painted: a 300-step flow fitted to the screen then paints and composites a few
 * boxes per step instead of dozens of pieces (bench/canvas).
 */
const LOW_DETAIL_ZOOM = 0.45;

const defaultEdgeOptions = {
  type: 'smoothstep',
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
  style: { strokeWidth: 1.75 },
};

// The overview map sits in the bottom-right corner: fitting the view keeps clear of it.
const fitWithMap: FitViewOptions = { maxZoom: 1.1, padding: { top: '48px', left: '48px', bottom: '48px', right: '200px' } };
const fitWithoutMap: FitViewOptions = { maxZoom: 1.1, padding: '48px' };

/**
 * From this many steps on, only the steps in view are rendered: Chromium's per-frame layerization
 * grows with the steps in the page, and at 300 it alone outlasts a frame (bench/README, "only the
 * steps in view"). Smaller flows keep every step in the page, where the cost is small.
 */
const LARGE_FLOW_STEPS = 100;

/**
 * Opening a flow frames all of it; a large one frames the step it was opened on, or its middle at
 * a readable zoom (few steps in view) rather than hundreds of specks.
 */
function openingFit(fit: FitViewOptions, steps: readonly CanvasNode[]): FitViewOptions {
  if (steps.length < LARGE_FLOW_STEPS) return fit;
  const selected = steps.find((n) => n.selected);
  return selected ? { ...fit, nodes: [{ id: selected.id }], maxZoom: 1 } : { ...fit, minZoom: 0.5 };
}

const minimapColors = {
  none: '#c7d2fe',
  running: '#7dd3fc',
  succeeded: '#6ee7b7',
  failed: '#fca5a5',
  skipped: '#e4e4e7',
  interrupted: '#fcd34d',
} as const;

const proOptions = { hideAttribution: true };
const minimapStyle = { width: 144, height: 96 };

type MapPreference = 'shown' | 'hidden';
const parseMapPreference = (stored: string): MapPreference | undefined => (stored === 'shown' || stored === 'hidden' ? stored : undefined);

/**
 * View nodes are cached per store node: a step that did not change keeps the very object React
 * Flow saw before, so dragging one step of hundreds re-renders that step alone.
 */
function useViewNodes(nodes: readonly CanvasNode[], notes: readonly CanvasNote[], statuses: ReadonlyMap<string, string>): ViewNode[] {
  const stepCache = useRef(new WeakMap<CanvasNode, { status: string | undefined; view: ViewNode }>());
  const noteCache = useRef(new WeakMap<CanvasNote, NoteViewNode>());
  return useMemo(() => {
    const steps = nodes.map((node): ViewNode => {
      const status = statuses.get(node.id);
      const hit = stepCache.current.get(node);
      if (hit && hit.status === status) return hit.view;
      const attributes: Record<string, string> = { 'data-testid': `node-${node.id}` };
      if (status) attributes['data-status'] = status;
      const view: ViewNode = { ...node, domAttributes: attributes };
      stepCache.current.set(node, { status, view });
      return view;
    });
    // Notes go first so steps draw above them.
    const noteViews = notes.map((note): NoteViewNode => {
      const hit = noteCache.current.get(note);
      if (hit) return hit;
      const view: NoteViewNode = {
        id: note.id,
        type: 'note',
        position: note.position,
        width: note.width,
        height: note.height,
        data: { text: note.text },
        selected: note.selected,
        dragging: note.dragging,
        measured: note.measured,
        domAttributes: noteAttributes(note.id),
      };
      noteCache.current.set(note, view);
      return view;
    });
    return [...noteViews, ...steps];
  }, [nodes, notes, statuses]);
}

function noteAttributes(id: string): Record<string, string> {
  return { 'data-testid': `note-${id}` };
}

export interface FlowCanvasProps {
  commands: CanvasCommands;
  /** A short message about the last canvas action (copied, pasted…), or null. */
  notice: string | null;
  readOnly: boolean;
}

/**
 * The canvas: shows the store's graph and turns every gesture into a store action. This part
 * follows no step's position: a drag re-renders GraphView (and React Flow's own pieces for the
 * dragged step) only, not the context menu, the overlays or the controls around it.
 */
export function FlowCanvas({ commands, notice, readOnly }: FlowCanvasProps) {
  const empty = useFlowStore((s) => s.nodes.length === 0 && s.notes.length === 0);
  const selectedRunId = useFlowStore((s) => s.selectedRunId);
  const statuses = useRunStepStatuses(selectedRunId);
  // Each step reads its own status: a run's progress re-renders the steps whose status changed.
  const statusSource = useKeyedSourceOf(statuses);
  const { screenToFlowPosition } = useReactFlow();
  const flowStore = useFlowStoreApi();
  const [menuTarget, setMenuTarget] = useState<CanvasMenuTarget>('canvas');
  const menuPoint = useRef<{ x: number; y: number } | null>(null);

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
    // Centre the new step under the pointer.
    flowStore.getState().addStep(step, { x: Math.round(at.x - STEP_WIDTH / 2), y: Math.round(at.y - STEP_HEIGHT / 2) });
  };

  const onMenuOpen = (event: MouseEvent) => {
    menuPoint.current = { x: event.clientX, y: event.clientY };
    const element = event.target instanceof Element ? event.target.closest('.react-flow__node') : null;
    const id = element?.getAttribute('data-id') ?? null;
    if (id === null) {
      setMenuTarget('canvas');
      return;
    }
    const state = flowStore.getState();
    const clicked = [...state.nodes, ...state.notes].find((n) => n.id === id);
    // Right-click on something outside the selection acts on that one thing.
    if (clicked && !clicked.selected) {
      if (state.nodes.some((n) => n.id === id)) state.selectStep(id);
      else state.applyNodeChanges([...state.nodes, ...state.notes].map((n) => ({ type: 'select', id: n.id, selected: n.id === id })));
    }
    setMenuTarget('selection');
  };

  const canvas = (
    <div
      className="relative min-h-0 flex-1"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onMouseMove={(event) => {
        commands.pointer.current = { x: event.clientX, y: event.clientY };
      }}
      onMouseLeave={() => {
        commands.pointer.current = null;
      }}
    >
      <GraphView statuses={statuses} readOnly={readOnly} />
      {empty ? (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center">
          <div className="rounded-xl border border-dashed border-zinc-300 bg-white/80 px-6 py-5 text-center">
            <p className="text-sm font-medium text-zinc-700">This flow is empty</p>
            <p className="mt-1 text-xs text-zinc-500">Drag a Manual Trigger from the palette to start.</p>
          </div>
        </div>
      ) : null}
      <p
        role="status"
        className="pointer-events-none absolute top-3 left-1/2 -translate-x-1/2 rounded-md bg-zinc-900/85 px-3 py-1 text-xs text-white empty:hidden"
      >
        {notice ?? ''}
      </p>
    </div>
  );

  return (
    <CanvasReadOnlyContext.Provider value={readOnly}>
      <RunStatusContext.Provider value={statusSource}>
        {readOnly ? (
          canvas
        ) : (
          <CanvasContextMenu
            target={menuTarget}
            onOpen={onMenuOpen}
            actions={{
              copy: () => void commands.copyToClipboard(false),
              cut: () => void commands.copyToClipboard(true),
              paste: () => void commands.pasteFromClipboard(menuPoint.current),
              duplicate: commands.duplicate,
              remove: commands.remove,
              selectAll: commands.selectAll,
              tidyUp: commands.tidyUp,
              addNote: () => commands.addNote(menuPoint.current),
            }}
          >
            {canvas}
          </CanvasContextMenu>
        )}
      </RunStatusContext.Provider>
    </CanvasReadOnlyContext.Provider>
  );
}

/** The handlers React Flow gets, made once per store: a new function would be stored again on every render. */
function useGraphHandlers(flowStore: FlowStore) {
  return useMemo(
    () => ({
      onNodesChange: (changes: CanvasChange[]) => flowStore.getState().applyNodeChanges(changes),
      onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => flowStore.getState().applyEdgeChanges(changes),
      onConnect: (connection: Connection) => void flowStore.getState().connect(connection),
      onMoveEnd: () => flowStore.getState().moveEnd(),
      isValidConnection: (connection: Connection | Edge) => connectionProblem(flowStore.getState(), connection) === null,
    }),
    [flowStore],
  );
}

/**
 * React Flow with the store's steps, notes and connections: the one part of the editor that
 * renders on every drag frame. Every prop it hands on keeps its identity between frames (React
 * Flow copies each changed prop into its store, waking every step's and edge's subscription).
 */
const GraphView = memo(function GraphView({ statuses, readOnly }: { statuses: ReadonlyMap<string, StepStatus>; readOnly: boolean }) {
  const nodes = useFlowStore((s) => s.nodes);
  const notes = useFlowStore((s) => s.notes);
  const edges = useFlowStore((s) => s.edges);
  const flowStore = useFlowStoreApi();
  const { theme } = useTheme();
  const [map, setMap] = useLocalPreference<MapPreference>('flowyard.canvas.overview-map', 'shown', parseMapPreference);
  const fitViewOptions = map === 'shown' ? fitWithMap : fitWithoutMap;
  // Fit the view to the steps the flow opened with; an empty flow keeps its view, so the first
  // step dropped stays where it was dropped (a fitView prop would fit it once it appears).
  const [fitOnOpen] = useState(() => flowStore.getState().nodes.length > 0 || flowStore.getState().notes.length > 0);
  const [openFit] = useState(() => openingFit(fitViewOptions, flowStore.getState().nodes));
  const handlers = useGraphHandlers(flowStore);
  const viewNodes = useViewNodes(nodes, notes, statuses);
  const lowDetail = useReactFlowState((s) => s.transform[2] < LOW_DETAIL_ZOOM);

  return (
    <ReactFlow<ViewNode, CanvasEdge>
      nodes={viewNodes}
      edges={edges}
      nodeTypes={canvasNodeTypes}
      defaultEdgeOptions={defaultEdgeOptions}
      onNodesChange={handlers.onNodesChange}
      onEdgesChange={handlers.onEdgesChange}
      onConnect={handlers.onConnect}
      onNodeDragStop={handlers.onMoveEnd}
      onSelectionDragStop={handlers.onMoveEnd}
      isValidConnection={handlers.isValidConnection}
      // Deleting goes through the store (one undo step, attached edges included); see use-editor-shortcuts.
      deleteKeyCode={null}
      // Shift+drag draws a selection box; Ctrl/Cmd+click adds to the selection.
      selectionKeyCode="Shift"
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      fitView={fitOnOpen}
      fitViewOptions={openFit}
      onlyRenderVisibleElements={nodes.length >= LARGE_FLOW_STEPS}
      minZoom={0.1}
      maxZoom={2}
      proOptions={proOptions}
      className={lowDetail ? 'fy-low-detail bg-zinc-50' : 'bg-zinc-50'}
      colorMode={theme}
    >
      <CanvasChrome statuses={statuses} map={map} onMapChange={setMap} fitViewOptions={fitViewOptions} />
    </ReactFlow>
  );
});

interface CanvasChromeProps {
  statuses: ReadonlyMap<string, StepStatus>;
  map: MapPreference;
  onMapChange(map: MapPreference): void;
  fitViewOptions: FitViewOptions;
}

/** Background, controls and overview map: none of them changes while a step is dragged. */
const CanvasChrome = memo(function CanvasChrome({ statuses, map, onMapChange, fitViewOptions }: CanvasChromeProps) {
  // One function for good: a new one re-renders the map's every step (on every drag frame, or on
  // every step of a run). A step whose status changes is a new view node, so the map draws it again
  // and asks its colour; the latest statuses are in place by then (a layout effect runs first).
  const latestStatuses = useRef(statuses);
  useLayoutEffect(() => {
    latestStatuses.current = statuses;
  }, [statuses]);
  const nodeColor = useCallback((node: Node) => (node.type === 'note' ? '#fde68a' : minimapColors[latestStatuses.current.get(node.id) ?? 'none']), []);
  return (
    <>
      <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} className="!text-zinc-300" color="currentColor" />
      <Controls showInteractive={false} position="bottom-left" fitViewOptions={fitViewOptions}>
        <ControlButton
          onClick={() => onMapChange(map === 'shown' ? 'hidden' : 'shown')}
          aria-label={map === 'shown' ? 'Hide overview map' : 'Show overview map'}
          aria-pressed={map === 'shown'}
          title={map === 'shown' ? 'Hide overview map' : 'Show overview map'}
        >
          <MapIcon aria-hidden />
        </ControlButton>
      </Controls>
      {map === 'shown' ? (
        <MiniMap
          pannable
          zoomable
          position="bottom-right"
          ariaLabel="Flow overview"
          nodeColor={nodeColor}
          nodeBorderRadius={8}
          className="!h-24 !w-36 overflow-hidden !rounded-lg !border !border-zinc-200"
          style={minimapStyle}
        />
      ) : null}
    </>
  );
});
