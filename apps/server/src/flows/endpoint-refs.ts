import { stepEndpointIds, type FieldIssue, type FlowGraph, type FlowNode } from '@flowyard/engine';

export interface GraphEndpointRef {
  endpointId: string;
  nodeId: string;
  stepName: string;
  /** Where the reference sits in the saved input, for error messages. */
  path: string;
}

/** The field of a node that holds its endpoint, as a dotted path under `graph`. */
function endpointFieldPath(node: FlowNode, index: number): string {
  switch (node.type) {
    case 'http-request':
    case 'custom-step':
      return `graph.nodes.${index}.data.config.endpointId`;
    case 'manual-trigger':
    case 'http-trigger':
    case 'switch':
    case 'find-user':
      return `graph.nodes.${index}`;
  }
}

/** Every (step, endpoint) reference in a graph: the rows of the usage index. */
export function graphEndpointRefs(graph: FlowGraph): GraphEndpointRef[] {
  return graph.nodes.flatMap((node, index) =>
    [...new Set(stepEndpointIds(node))].map((endpointId) => ({
      endpointId,
      nodeId: node.id,
      stepName: node.data.name,
      path: endpointFieldPath(node, index),
    })),
  );
}

/** Issues for references to endpoints that do not exist (in the flow's workflow). */
export function missingEndpointIssues(refs: GraphEndpointRef[], existing: ReadonlySet<string>): FieldIssue[] {
  return refs
    .filter((ref) => !existing.has(ref.endpointId))
    .map((ref) => ({ path: ref.path, message: `Step "${ref.stepName}" uses an endpoint that does not exist (it may have been deleted); choose another` }));
}
