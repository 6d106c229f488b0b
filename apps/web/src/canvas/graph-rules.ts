import {
  switchDefaultHandle,
  triggerNodeTypes,
  type FlowEdge,
  type FlowGraph,
  type FlowNode,
  type FlowNodeType,
} from '@flowyard/engine/schemas';

/** True for node types that start a flow (they take no incoming connections). */
export function isTriggerType(type: FlowNodeType): boolean {
  return (triggerNodeTypes as readonly FlowNodeType[]).includes(type);
}

/** `base`, or `base 2`, `base 3`… whichever is not taken (names compare case-insensitively, like the API). */
export function uniqueStepName(base: string, taken: Iterable<string>): string {
  const names = new Set([...taken].map((n) => n.trim().toLowerCase()));
  if (!names.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}`;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}

export interface ConnectionRequest {
  source: string;
  target: string;
  sourceHandle?: string | null;
}

/**
 * Why a connection would make the graph unsaveable, or null when it is fine.
 * Mirrors the API's graph rules so the canvas refuses what the save would refuse.
 */
export function connectionProblem(graph: { nodes: readonly FlowNode[]; edges: readonly FlowEdge[] }, c: ConnectionRequest): string | null {
  if (c.source === c.target) return 'A step cannot connect to itself';
  const target = graph.nodes.find((n) => n.id === c.target);
  const source = graph.nodes.find((n) => n.id === c.source);
  if (!source || !target) return 'Unknown step';
  if (isTriggerType(target.type)) return 'A trigger cannot have incoming connections';
  const handle = c.sourceHandle ?? null;
  const handles = branchHandles(source);
  if (handles !== null && (handle === null || !handles.includes(handle))) return 'Connect from one of the branches of this step';
  if (graph.edges.some((e) => e.source === c.source && e.target === c.target && e.sourceHandle === handle)) {
    return 'These steps are already connected';
  }
  if (reaches(graph.edges, c.target, c.source)) return 'Connections must not loop back';
  return null;
}

/**
 * The source handles of a branching step (a Switch: one per case, then `default`), or null for a
 * step with a single unnamed output.
 */
export function branchHandles(node: FlowNode): string[] | null {
  if (node.type !== 'switch') return null;
  return [...node.data.config.cases.map((c) => c.id), switchDefaultHandle];
}

/**
 * The handle a new step added after `node` connects from: null for a plain step, the first
 * branch with nothing connected yet for a Switch, undefined when every branch is taken.
 */
export function freeSourceHandle(node: FlowNode, edges: readonly FlowEdge[]): string | null | undefined {
  const handles = branchHandles(node);
  if (handles === null) return null;
  return handles.find((h) => !edges.some((e) => e.source === node.id && e.sourceHandle === h));
}

function reaches(edges: readonly FlowEdge[], from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined || seen.has(id)) continue;
    if (id === to) return true;
    seen.add(id);
    for (const e of edges) if (e.source === id) stack.push(e.target);
  }
  return false;
}

/** Edge ids are derived from their ends so the same connection always gets the same id. */
export function edgeId(c: ConnectionRequest): string {
  return `e-${c.source}-${c.sourceHandle ?? 'out'}-${c.target}`;
}

/**
 * Keys already made, by the object they were made of. The editor's graphs and step settings are
 * never changed in place (the store replaces them), and a drag keeps every step's `data` object,
 * so the key of a 1,000-step graph at the end of a drag re-reads positions only.
 */
const keys = new WeakMap<object, string>();

function keyOf(value: object): string {
  let key = keys.get(value);
  if (key === undefined) {
    key = stableStringify(value);
    keys.set(value, key);
  }
  return key;
}

/**
 * A key that is equal for equal graphs whatever the property order (used for the dirty flag);
 * no notes and an empty `notes` give the same key, as do no pins and empty `pins`.
 */
export function graphKey(graph: FlowGraph): string {
  let key = keys.get(graph);
  if (key === undefined) {
    const nodes = graph.nodes.map((node) => `${stableStringify({ ...node, data: undefined })}${keyOf(node.data)}`);
    key = `[${nodes.join(',')}]${stableStringify(graph.edges)}${stableStringify(graph.notes ?? [])}${stableStringify(graph.pins ?? {})}`;
    keys.set(graph, key);
  }
  return key;
}

/** True when two JSON values are equal whatever their property order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
