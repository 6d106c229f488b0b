import type {
  CustomStepConfig,
  FindUserConfig,
  FlowEdge,
  FlowGraph,
  FlowNode,
  FlowNodeType,
  FlowNote,
  HttpRequestConfig,
  HttpTriggerConfig,
  ManualTriggerConfig,
  OnFailure,
  StepPin,
  StepPins,
  SwitchConfig,
} from '@flowyard/engine/schemas';
import {
  applyEdgeChanges,
  applyNodeChanges,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeDimensionChange,
  type NodePositionChange,
  type NodeSelectionChange,
} from '@xyflow/react';
import { createStore } from 'zustand';
import { planPaste } from './clipboard/paste-plan';
import { copyOf, type StepsClipboard } from './clipboard/steps-clipboard';
import { branchHandles, connectionProblem, edgeId, freeSourceHandle, graphKey, uniqueStepName, type ConnectionRequest } from './graph-rules';
import { newStepNode, newStepTitle, toNewStep, type NewStep } from './new-step-node';
import type { BuiltInStepType } from './step-visuals';

/** A saved node plus the view-only fields React Flow keeps on it (never saved). */
export type CanvasNode = FlowNode & Pick<Node, 'selected' | 'dragging' | 'measured'>;
export type CanvasEdge = FlowEdge & Pick<Edge, 'selected'>;
/** A saved sticky note plus the view-only fields React Flow keeps on it. */
export type CanvasNote = FlowNote & Pick<Node, 'selected' | 'dragging' | 'measured'>;

/** What the canvas hands back for steps and notes alike (React Flow shows both as nodes). */
export type CanvasChange = NodeChange<Node>;
/** The changes the store takes from the canvas: removal and adds go through its own actions. */
type GeometryChange = NodeSelectionChange | NodePositionChange | NodeDimensionChange;

const isGeometryChange = (change: CanvasChange): change is GeometryChange =>
  change.type === 'select' || change.type === 'dimensions' || change.type === 'position';

type Position = { x: number; y: number };

export type StepConfigPatch =
  | { type: 'http-request'; config: HttpRequestConfig }
  | { type: 'manual-trigger'; config: ManualTriggerConfig }
  | { type: 'http-trigger'; config: HttpTriggerConfig }
  | { type: 'find-user'; config: FindUserConfig }
  | { type: 'custom-step'; config: CustomStepConfig }
  | { type: 'switch'; config: SwitchConfig };

export interface FlowEditorState {
  flowId: string;
  /** The flow version the editor last loaded or saved; sent with the next save. */
  version: number;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Sticky notes: on the canvas with the steps, saved beside them, never run. */
  notes: CanvasNote[];
  /** Pinned outputs by step id (manual runs use them instead of running the step); saved with the graph. */
  pins: StepPins;
  dirty: boolean;
  /** Undo history: `present` is the last committed graph, `past`/`future` the snapshots around it. */
  past: FlowGraph[];
  present: FlowGraph;
  future: FlowGraph[];
  savedKey: string;
  /** The last settings edit, so a burst of typing becomes one undo step. */
  lastEdit: { key: string; at: number } | null;
  /** The run whose step statuses the canvas shows (chosen in the Activity panel). */
  selectedRunId: string | null;

  /** Records that `graph` is now stored as `version`; edits made while saving stay dirty. History stays. */
  markSaved(version: number, graph: FlowGraph): void;
  /**
   * After a conflict ("reload theirs") or a restore from History: the stored version becomes the graph as one more undo step,
   * so undo brings back what was here (nothing is lost).
   */
  takeTheirs(flow: LoadedFlow): void;
  /** After a conflict, "overwrite with mine": the next save is based on the stored `version`. */
  rebaseOn(version: number): void;
  /** Adds a step (selected) and, with `connectFrom`, connects that step to it in the same undo step. */
  addStep(step: BuiltInStepType | NewStep, position: { x: number; y: number }, connectFrom?: string | null): string;
  connect(connection: ConnectionRequest): boolean;
  removeSelected(): void;
  updateStepConfig(id: string, patch: StepConfigPatch): void;
  renameStep(id: string, name: string): void;
  /** Pins a step's outputs (from a run, or typed by hand), or unpins it with null; one undo step. */
  setPin(id: string, pin: StepPin | null): void;
  /** What a step does when it fails (undefined: stop, the default). */
  setOnFailure(id: string, onFailure: OnFailure | undefined): void;
  moveEnd(): void;
  applyNodeChanges(changes: CanvasChange[]): void;
  applyEdgeChanges(changes: EdgeChange<CanvasEdge>[]): void;
  selectStep(id: string | null): void;
  /** Selects every step, note and connection. */
  selectAll(): void;
  /** Adds copied steps (and notes) moved by `offset`, selected, as one undo step; returns the new step ids. */
  paste(clip: StepsClipboard, offset: Position): string[];
  /** Copies of the selection beside it, selected (Ctrl+D). */
  duplicateSelected(): void;
  /** Moves steps to new positions as one undo step (Tidy up). */
  moveSteps(positions: ReadonlyMap<string, Position>): void;
  /** A new empty note at `position`, selected; returns its id. */
  addNote(position: Position): string;
  /** Note text; a burst of typing is one undo step. */
  setNoteText(id: string, text: string): void;
  undo(): void;
  redo(): void;
  selectRun(runId: string | null): void;
}

/** A flow as the editor opens it. */
export interface LoadedFlow {
  id: string;
  version: number;
  graph: FlowGraph;
}

export interface FlowStoreOptions {
  now?: () => number;
  newId?: (type: FlowNodeType | 'note') => string;
}

/** Where a duplicate lands relative to the original. */
const DUPLICATE_OFFSET: Position = { x: 40, y: 40 };
const NEW_NOTE_SIZE = { width: 240, height: 140 };

/** Settings edits closer together than this merge into one undo step. */
const EDIT_COALESCE_MS = 1500;

/** The saveable graph: exactly the schema's fields, nothing React Flow added (no `notes` key when there are none). */
export function graphOf(state: { nodes: readonly CanvasNode[]; edges: readonly CanvasEdge[]; notes: readonly CanvasNote[]; pins?: StepPins }): FlowGraph {
  const graph: FlowGraph = {
    nodes: state.nodes.map(toFlowNode),
    edges: state.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, sourceHandle: e.sourceHandle ?? null })),
  };
  if (state.notes.length > 0) {
    graph.notes = state.notes.map((n) => ({ id: n.id, position: { x: n.position.x, y: n.position.y }, width: n.width, height: n.height, text: n.text }));
  }
  // Pins of removed steps go with them (undo brings both back); no `pins` key when there are none.
  const pinned = Object.entries(state.pins ?? {}).filter(([id]) => state.nodes.some((n) => n.id === id));
  if (pinned.length > 0) graph.pins = Object.fromEntries(pinned);
  return graph;
}

function toFlowNode(node: CanvasNode): FlowNode {
  const position = { x: node.position.x, y: node.position.y };
  switch (node.type) {
    case 'manual-trigger':
      return { id: node.id, type: node.type, position, data: node.data };
    case 'http-request':
      return { id: node.id, type: node.type, position, data: node.data };
    case 'custom-step':
      return { id: node.id, type: node.type, position, data: node.data };
    case 'switch':
      return { id: node.id, type: node.type, position, data: node.data };
    case 'http-trigger':
      return { id: node.id, type: node.type, position, data: node.data };
    case 'find-user':
      return { id: node.id, type: node.type, position, data: node.data };
  }
}

function randomId(type: FlowNodeType | 'note'): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `${type}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Restores a snapshot, keeping what React Flow measured and what is selected for nodes that survive. */
function fromSnapshot(graph: FlowGraph, current: { nodes: CanvasNode[]; edges: CanvasEdge[]; notes: CanvasNote[] }) {
  const byId = new Map(current.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(current.edges.map((e) => [e.id, e]));
  const noteById = new Map(current.notes.map((n) => [n.id, n]));
  return {
    nodes: graph.nodes.map((n): CanvasNode => {
      const was = byId.get(n.id);
      return was ? { ...n, selected: was.selected, measured: was.measured } : n;
    }),
    edges: graph.edges.map((e): CanvasEdge => ({ ...e, selected: edgeById.get(e.id)?.selected })),
    notes: (graph.notes ?? []).map((n): CanvasNote => ({ ...n, selected: noteById.get(n.id)?.selected })),
    pins: graph.pins ?? {},
  };
}

/** React Flow's changes for notes, applied by hand: a note is not a step. Returns whether a resize ended. */
function applyNoteChanges(changes: readonly GeometryChange[], notes: CanvasNote[]): { notes: CanvasNote[]; resized: boolean } {
  const touched = new Set(changes.map((c) => c.id));
  let resized = false;
  const next = notes.map((note) => {
    if (!touched.has(note.id)) return note;
    let changed = note;
    for (const change of changes) {
      if (change.id !== note.id) continue;
      if (change.type === 'select') changed = { ...changed, selected: change.selected };
      else if (change.type === 'position') changed = { ...changed, ...(change.position ? { position: change.position } : {}), dragging: change.dragging };
      else if (change.type === 'dimensions' && change.dimensions) {
        changed = { ...changed, measured: change.dimensions };
        // A resize (NodeResizer) sets the size while it lasts and reports the final one at its end
        // (resizing: false); a plain measurement (neither) only reports it.
        const resizing = change.setAttributes !== undefined && change.setAttributes !== false;
        if (resizing || change.resizing === false) {
          changed = { ...changed, width: Math.round(change.dimensions.width), height: Math.round(change.dimensions.height) };
        }
        if (change.resizing === false) resized = true;
      }
    }
    return changed;
  });
  return { notes: next, resized };
}

function withConfig(node: CanvasNode, patch: StepConfigPatch): CanvasNode {
  if (node.type === 'http-request' && patch.type === 'http-request') return { ...node, data: { ...node.data, config: patch.config } };
  if (node.type === 'manual-trigger' && patch.type === 'manual-trigger') return { ...node, data: { ...node.data, config: patch.config } };
  if (node.type === 'custom-step' && patch.type === 'custom-step') return { ...node, data: { ...node.data, config: patch.config } };
  if (node.type === 'switch' && patch.type === 'switch') return { ...node, data: { ...node.data, config: patch.config } };
  if (node.type === 'http-trigger' && patch.type === 'http-trigger') return { ...node, data: { ...node.data, config: patch.config } };
  if (node.type === 'find-user' && patch.type === 'find-user') return { ...node, data: { ...node.data, config: patch.config } };
  return node;
}

function withName(node: CanvasNode, name: string): CanvasNode {
  // Narrowing per type keeps each node's data paired with its own config type.
  switch (node.type) {
    case 'manual-trigger':
      return { ...node, data: { ...node.data, name } };
    case 'http-request':
      return { ...node, data: { ...node.data, name } };
    case 'custom-step':
      return { ...node, data: { ...node.data, name } };
    case 'switch':
      return { ...node, data: { ...node.data, name } };
    case 'http-trigger':
      return { ...node, data: { ...node.data, name } };
    case 'find-user':
      return { ...node, data: { ...node.data, name } };
  }
}

/** A step with its failure policy set (no `onFailure` key for the default, stop); triggers and Switch have none. */
function withOnFailure(node: CanvasNode, onFailure: OnFailure | undefined): CanvasNode {
  const set = onFailure === undefined || onFailure.mode === 'stop' ? {} : { onFailure };
  switch (node.type) {
    case 'http-request': {
      const { onFailure: _old, ...data } = node.data;
      return { ...node, data: { ...data, ...set } };
    }
    case 'custom-step': {
      const { onFailure: _old, ...data } = node.data;
      return { ...node, data: { ...data, ...set } };
    }
    case 'find-user': {
      const { onFailure: _old, ...data } = node.data;
      return { ...node, data: { ...data, ...set } };
    }
    default:
      return node;
  }
}

/**
 * Creates the editor store for one open flow (FlowStoreProvider makes one per flow it shows);
 * `selectStepId` starts with that step selected.
 */
export function createFlowStore(initial: LoadedFlow, selectStepId: string | null = null, options: FlowStoreOptions = {}) {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? randomId;

  return createStore<FlowEditorState>()((set, get) => {
    /**
     * Makes the current nodes/edges the new present, pushing the old present onto the undo stack.
     * A no-op when nothing saveable changed (a click that "moved" a node by zero pixels).
     */
    const commit = (coalesceKey: string | null = null) => {
      const state = get();
      const graph = graphOf(state);
      const key = graphKey(graph);
      if (key === graphKey(state.present)) {
        set({ dirty: key !== state.savedKey });
        return;
      }
      const at = now();
      const coalesce = coalesceKey !== null && state.lastEdit?.key === coalesceKey && at - state.lastEdit.at < EDIT_COALESCE_MS;
      set({
        past: coalesce ? state.past : [...state.past, state.present],
        present: graph,
        future: [],
        dirty: key !== state.savedKey,
        lastEdit: coalesceKey === null ? null : { key: coalesceKey, at },
      });
    };

    return {
      ...loadedState(initial, selectStepId),
      selectedRunId: null,

      markSaved(version, graph) {
        const savedKey = graphKey(graph);
        set({ version, savedKey, dirty: graphKey(graphOf(get())) !== savedKey });
      },

      takeTheirs(flow) {
        commit();
        const state = get();
        const restored = fromSnapshot(flow.graph, state);
        const theirs = graphOf(restored);
        const key = graphKey(theirs);
        const same = key === graphKey(state.present);
        set({
          ...restored,
          version: flow.version,
          savedKey: key,
          dirty: false,
          past: same ? state.past : [...state.past, state.present],
          present: theirs,
          future: [],
          lastEdit: null,
        });
      },

      rebaseOn(version) {
        set({ version });
      },

      addStep(requested, position, connectFrom = null) {
        const step = toNewStep(requested);
        const { nodes } = get();
        const taken = new Set(nodes.map((n) => n.id));
        let id = newId(step.type);
        while (taken.has(id)) id = newId(step.type);
        const name = uniqueStepName(
          newStepTitle(step),
          nodes.map((n) => n.data.name),
        );
        const node: CanvasNode = { ...newStepNode(step, id, name, position), selected: true };
        const nextNodes = [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node];
        const edges = get().edges.map((e) => (e.selected ? { ...e, selected: false } : e));
        const from = connectFrom === null ? undefined : nodes.find((n) => n.id === connectFrom);
        // A Switch continues from its first branch that leads nowhere yet.
        const handle = from ? freeSourceHandle(from, edges) : undefined;
        const link = from && handle !== undefined ? { source: from.id, target: id, sourceHandle: handle } : null;
        const linked = link !== null && connectionProblem({ nodes: nextNodes, edges }, link) === null;
        set({
          nodes: nextNodes,
          edges: linked && link ? [...edges, { id: edgeId(link), ...link }] : edges,
        });
        commit();
        return id;
      },

      connect(connection) {
        const state = get();
        if (connectionProblem(state, connection) !== null) return false;
        const edge: CanvasEdge = {
          id: edgeId(connection),
          source: connection.source,
          target: connection.target,
          sourceHandle: connection.sourceHandle ?? null,
        };
        set({ edges: [...state.edges, edge] });
        commit();
        return true;
      },

      removeSelected() {
        const { nodes, edges, notes } = get();
        const removed = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
        const keptEdges = edges.filter((e) => !e.selected && !removed.has(e.source) && !removed.has(e.target));
        const keptNotes = notes.filter((n) => !n.selected);
        if (removed.size === 0 && keptEdges.length === edges.length && keptNotes.length === notes.length) return;
        set({ nodes: nodes.filter((n) => !removed.has(n.id)), edges: keptEdges, notes: keptNotes });
        commit();
      },

      updateStepConfig(id, patch) {
        const nodes = get().nodes.map((n) => (n.id === id ? withConfig(n, patch) : n));
        const node = nodes.find((n) => n.id === id);
        // A removed Switch case takes the connections leaving its handle with it.
        const handles = node ? branchHandles(node) : null;
        const edges = handles === null ? get().edges : get().edges.filter((e) => e.source !== id || handles.includes(e.sourceHandle ?? ''));
        set({ nodes, edges });
        commit(`settings:${id}`);
      },

      renameStep(id, name) {
        set({
          nodes: get().nodes.map((n) => (n.id === id ? withName(n, name) : n)),
        });
        commit(`settings:${id}`);
      },

      moveEnd() {
        commit();
      },

      applyNodeChanges(changes) {
        // Removal goes through removeSelected so it is one undo step with the attached edges;
        // adds and replaces only ever come from our own actions.
        const relevant = changes.filter(isGeometryChange);
        if (relevant.length === 0) return;
        const state = get();
        const noteIds = state.notes.length === 0 ? null : new Set(state.notes.map((n) => n.id));
        const forNotes = noteIds === null ? [] : relevant.filter((c) => noteIds.has(c.id));
        const forSteps = forNotes.length === 0 ? relevant : relevant.filter((c) => !noteIds?.has(c.id));
        const noteResult = forNotes.length === 0 ? null : applyNoteChanges(forNotes, state.notes);
        set({
          ...(forSteps.length > 0 ? { nodes: applyNodeChanges<CanvasNode>(forSteps, state.nodes) } : {}),
          ...(noteResult ? { notes: noteResult.notes } : {}),
        });
        const moved = relevant.some((c) => c.type === 'position' && c.position !== undefined);
        // A drag (or a keyboard move) ends with dragging: false; a resize moves a note without it.
        const settled = relevant.some((c) => c.type === 'position' && c.dragging === false) || noteResult?.resized === true;
        // Drag frames only mark the flow dirty; the move becomes an undo step when it ends.
        if (settled) commit();
        else if (moved && !get().dirty) set({ dirty: true });
      },

      applyEdgeChanges(changes) {
        const relevant = changes.filter((c) => c.type === 'select');
        if (relevant.length === 0) return;
        set({ edges: applyEdgeChanges(relevant, get().edges) });
      },

      selectStep(id) {
        set({
          nodes: get().nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })),
          edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
          notes: get().notes.map((n) => (n.selected ? { ...n, selected: false } : n)),
        });
      },

      selectAll() {
        set({
          nodes: get().nodes.map((n) => (n.selected ? n : { ...n, selected: true })),
          edges: get().edges.map((e) => (e.selected ? e : { ...e, selected: true })),
          notes: get().notes.map((n) => (n.selected ? n : { ...n, selected: true })),
        });
      },

      paste(clip, offset) {
        const state = get();
        const plan = planPaste(clip, {
          takenIds: [...state.nodes.map((n) => n.id), ...state.notes.map((n) => n.id)],
          takenNames: state.nodes.map((n) => n.data.name),
          newId,
          offset,
        });
        set({
          nodes: [...state.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...plan.nodes.map((n): CanvasNode => ({ ...n, selected: true }))],
          edges: [...state.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...plan.edges],
          notes: [...state.notes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...plan.notes.map((n): CanvasNote => ({ ...n, selected: true }))],
        });
        commit();
        return plan.nodes.map((n) => n.id);
      },

      duplicateSelected() {
        const state = get();
        const selected = new Set([...state.nodes, ...state.notes].filter((n) => n.selected).map((n) => n.id));
        const clip = copyOf(graphOf(state), selected);
        if (clip) get().paste(clip, DUPLICATE_OFFSET);
      },

      moveSteps(positions) {
        set({ nodes: get().nodes.map((n) => {
          const at = positions.get(n.id);
          return at && (at.x !== n.position.x || at.y !== n.position.y) ? { ...n, position: at } : n;
        }) });
        commit();
      },

      addNote(position) {
        const state = get();
        const taken = new Set([...state.nodes.map((n) => n.id), ...state.notes.map((n) => n.id)]);
        let id = newId('note');
        while (taken.has(id)) id = newId('note');
        set({
          nodes: state.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
          edges: state.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
          notes: [...state.notes.map((n) => (n.selected ? { ...n, selected: false } : n)), { id, position, ...NEW_NOTE_SIZE, text: '', selected: true }],
        });
        commit();
        return id;
      },

      setPin(id, pin) {
        const { [id]: _old, ...others } = get().pins;
        set({ pins: pin === null ? others : { ...others, [id]: pin } });
        commit();
      },

      setOnFailure(id, onFailure) {
        set({ nodes: get().nodes.map((n) => (n.id === id ? withOnFailure(n, onFailure) : n)) });
        commit(`settings:${id}`);
      },

      setNoteText(id, text) {
        set({ notes: get().notes.map((n) => (n.id === id ? { ...n, text } : n)) });
        commit(`note:${id}`);
      },

      undo() {
        commit();
        const state = get();
        const previous = state.past.at(-1);
        if (!previous) return;
        const restored = fromSnapshot(previous, state);
        set({
          ...restored,
          past: state.past.slice(0, -1),
          present: previous,
          future: [state.present, ...state.future],
          dirty: graphKey(previous) !== state.savedKey,
          lastEdit: null,
        });
      },

      redo() {
        commit();
        const state = get();
        const next = state.future[0];
        if (!next) return;
        const restored = fromSnapshot(next, state);
        set({
          ...restored,
          past: [...state.past, state.present],
          present: next,
          future: state.future.slice(1),
          dirty: graphKey(next) !== state.savedKey,
          lastEdit: null,
        });
      },

      selectRun(runId) {
        set({ selectedRunId: runId });
      },
    };
  });
}

export type FlowStore = ReturnType<typeof createFlowStore>;

type FunctionKeys = { [K in keyof FlowEditorState]: FlowEditorState[K] extends (...args: never[]) => unknown ? K : never }[keyof FlowEditorState];

/** The state of a freshly opened flow: clean, with no history. */
function loadedState(flow: LoadedFlow, selectStepId: string | null): Omit<FlowEditorState, FunctionKeys | 'selectedRunId'> {
  const canvas = {
    nodes: flow.graph.nodes.map((n): CanvasNode => ({ ...n, selected: n.id === selectStepId })),
    edges: flow.graph.edges.map((e): CanvasEdge => ({ ...e })),
    notes: (flow.graph.notes ?? []).map((n): CanvasNote => ({ ...n })),
    pins: flow.graph.pins ?? {},
  };
  // Compared with what graphOf makes, so a stored `notes: []` does not count as a change.
  const present = graphOf(canvas);
  return {
    flowId: flow.id,
    version: flow.version,
    ...canvas,
    dirty: false,
    past: [],
    present,
    future: [],
    savedKey: graphKey(present),
    lastEdit: null,
  };
}
