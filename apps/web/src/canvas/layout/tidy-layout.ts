import { Graph, layout } from '@dagrejs/dagre';

export interface LayoutNode {
  id: string;
  position: { x: number; y: number };
  width: number;
  height: number;
}

/**
 * New top-left positions for steps laid out top to bottom by their connections (dagre's layered
 * layout), anchored so the first step stays where it is: tidying does not throw the view away.
 */
export function tidyLayout(nodes: readonly LayoutNode[], edges: readonly { source: string; target: string }[]): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const first = nodes[0];
  if (first === undefined) return positions;
  const graph = new Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 48, ranksep: 72, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  for (const edge of edges) if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  layout(graph);

  // dagre gives centres; the canvas keeps top-left corners.
  const laid = new Map(nodes.map((node) => {
    const centre = graph.node(node.id);
    return [node.id, { x: centre.x - node.width / 2, y: centre.y - node.height / 2 }];
  }));
  const anchor = laid.get(first.id) ?? first.position;
  const dx = first.position.x - anchor.x;
  const dy = first.position.y - anchor.y;
  for (const [id, at] of laid) positions.set(id, { x: Math.round(at.x + dx), y: Math.round(at.y + dy) });
  return positions;
}
