import type { FlowGraph } from './flow-graph';

/** Node ids in a topological order (sources first; ties in the graph's node order). Nodes on a cycle are left out. */
export function topologicalOrder(graph: Pick<FlowGraph, 'nodes' | 'edges'>): string[] {
  const ids = graph.nodes.map((node) => node.id);
  const waiting = new Map(ids.map((id) => [id, 0]));
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of graph.edges) {
    if (!waiting.has(edge.source) || !waiting.has(edge.target)) continue;
    waiting.set(edge.target, (waiting.get(edge.target) ?? 0) + 1);
    next.get(edge.source)?.push(edge.target);
  }
  const order = ids.filter((id) => waiting.get(id) === 0);
  for (let index = 0; index < order.length; index++) {
    for (const target of next.get(order[index] ?? '') ?? []) {
      const left = (waiting.get(target) ?? 0) - 1;
      waiting.set(target, left);
      if (left === 0) order.push(target);
    }
  }
  return order;
}

/** Every node with a path of edges to `nodeId` (its upstream steps), in no particular order. */
export function upstreamNodeIds(graph: Pick<FlowGraph, 'edges'>, nodeId: string): Set<string> {
  const previous = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const sources = previous.get(edge.target);
    if (sources === undefined) previous.set(edge.target, [edge.source]);
    else sources.push(edge.source);
  }
  const found = new Set<string>();
  const stack = [nodeId];
  while (stack.length > 0) {
    for (const source of previous.get(stack.pop() ?? '') ?? []) {
      if (!found.has(source) && source !== nodeId) {
        found.add(source);
        stack.push(source);
      }
    }
  }
  return found;
}
