import type { FlowGraph, FlowNode } from '../flow/flow-graph';

/** The ids a graph holds → the ids it should hold (stored ids → export ids on export, export ids → new ids on import). */
export interface ImportIdMaps {
  endpoints: ReadonlyMap<string, string>;
  customSteps: ReadonlyMap<string, string>;
}

/**
 * A graph with its endpoint and custom step references rebound (an export file's graph to the
 * importing workflow's ids, or a stored graph to export ids). Node ids, names, positions and edges stay as they are, so the
 * imported flow is the exported one. An id missing from a map is a bug in the caller
 * (the file's references were checked), so it throws.
 */
export function remapFlowGraph(graph: FlowGraph, ids: ImportIdMaps): FlowGraph {
  const endpoint = (id: string | null): string | null => (id === null ? null : mapped(ids.endpoints, id, 'endpoint'));
  const remapNode = (node: FlowNode): FlowNode => {
    switch (node.type) {
      case 'http-request':
        return { ...node, data: { ...node.data, config: { ...node.data.config, endpointId: endpoint(node.data.config.endpointId) } } };
      case 'custom-step':
        return {
          ...node,
          data: {
            ...node.data,
            config: { ...node.data.config, endpointId: endpoint(node.data.config.endpointId), customStepId: mapped(ids.customSteps, node.data.config.customStepId, 'custom step') },
          },
        };
      case 'manual-trigger':
      case 'http-trigger':
      case 'switch':
      case 'find-user':
        return node;
    }
  };
  return { ...graph, nodes: graph.nodes.map(remapNode) };
}

function mapped(map: ReadonlyMap<string, string>, id: string, what: string): string {
  const to = map.get(id);
  if (to === undefined) throw new Error(`No ${what} for export id "${id}"`);
  return to;
}
