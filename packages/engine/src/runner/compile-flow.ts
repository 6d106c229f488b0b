import { FlowyardError } from '../errors/flowyard-error';
import type { FlowEdge, FlowGraph, FlowNode } from '../flow/flow-graph';
import { bindStep, stepCustomStepId, type BoundStep } from '../steps/registry';

export interface CompiledNode {
  node: FlowNode;
  step: BoundStep;
  outgoing: readonly FlowEdge[];
}

/** What one trigger starts: the part of the graph reachable from it. */
export interface TriggerPlan {
  triggerId: string;
  /** Reachable node ids (the trigger first) in a topological order. */
  order: readonly string[];
  /** Per reachable node: its incoming edges from reachable nodes (the ones it waits for). */
  incoming: ReadonlyMap<string, readonly FlowEdge[]>;
  /** Per reachable node: its reachable ancestors, whose outputs its references may use. */
  ancestors: ReadonlyMap<string, readonly string[]>;
  /** Per reachable node: how many incoming edges it waits for (a run copies this to count down). */
  waitCounts: ReadonlyMap<string, number>;
  /** The custom step definitions the reachable nodes use, each once; empty means none to load. */
  customStepIds: readonly string[];
}

/** A flow graph prepared for running: steps bound to their settings, adjacency and plans per trigger. */
export interface CompiledFlow {
  graph: FlowGraph;
  nodes: ReadonlyMap<string, CompiledNode>;
  triggers: ReadonlyMap<string, TriggerPlan>;
}

const cache = new WeakMap<FlowGraph, CompiledFlow>();

/** Compiles a flow graph once; the same graph object (one saved version) returns the cached result. */
export function compileFlow(graph: FlowGraph): CompiledFlow {
  const cached = cache.get(graph);
  if (cached !== undefined) return cached;

  const outgoing = new Map<string, FlowEdge[]>(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) {
    if (outgoing.has(edge.target)) outgoing.get(edge.source)?.push(edge);
  }
  const nodes = new Map<string, CompiledNode>();
  for (const node of graph.nodes) nodes.set(node.id, { node, step: bindStep(node), outgoing: outgoing.get(node.id) ?? [] });

  const triggers = new Map<string, TriggerPlan>();
  for (const { node, step } of nodes.values()) {
    if (step.kind === 'trigger') triggers.set(node.id, planFrom(node.id, nodes));
  }
  const compiled: CompiledFlow = { graph, nodes, triggers };
  cache.set(graph, compiled);
  return compiled;
}

function planFrom(triggerId: string, nodes: ReadonlyMap<string, CompiledNode>): TriggerPlan {
  const reachable = new Set<string>([triggerId]);
  const stack = [triggerId];
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    for (const edge of nodes.get(id)?.outgoing ?? []) {
      if (!reachable.has(edge.target)) {
        reachable.add(edge.target);
        stack.push(edge.target);
      }
    }
  }

  const incoming = new Map<string, FlowEdge[]>([...reachable].map((id) => [id, []]));
  for (const id of reachable) for (const edge of nodes.get(id)?.outgoing ?? []) incoming.get(edge.target)?.push(edge);

  // Kahn's algorithm over the reachable part; anything left over sits on a cycle.
  const waitCounts = new Map([...incoming].map(([id, edges]) => [id, edges.length]));
  const waiting = new Map(waitCounts);
  const order: string[] = [];
  const ready = [triggerId];
  for (let next = 0; next < ready.length; next++) {
    const id = ready[next] ?? '';
    order.push(id);
    for (const edge of nodes.get(id)?.outgoing ?? []) {
      const left = (waiting.get(edge.target) ?? 0) - 1;
      waiting.set(edge.target, left);
      if (left === 0) ready.push(edge.target);
    }
  }
  if (order.length !== reachable.size) {
    throw new FlowyardError('VALIDATION_FAILED', 'Connections form a loop; flows must not loop back', { issues: [{ path: 'edges', message: 'Connections form a loop' }] });
  }

  const ancestors = new Map<string, string[]>();
  for (const id of order) {
    const set = new Set<string>();
    for (const edge of incoming.get(id) ?? []) {
      for (const ancestor of ancestors.get(edge.source) ?? []) set.add(ancestor);
      set.add(edge.source);
    }
    ancestors.set(id, [...set]);
  }
  const customStepIds = new Set<string>();
  for (const id of order) {
    const entry = nodes.get(id);
    const customStepId = entry === undefined ? null : stepCustomStepId(entry.node);
    if (customStepId !== null) customStepIds.add(customStepId);
  }
  return { triggerId, order, incoming, ancestors, waitCounts, customStepIds: [...customStepIds] };
}
