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

/** The endpoints a node uses: those its settings hold, and for Find User the workflow's built-in one. */
function nodeEndpointIds(node: FlowNode, builtinEndpointId: string | null): string[] {
  const ids = [...stepEndpointIds(node)];
  // Find User calls this server's API through the built-in endpoint without naming it in its settings.
  if (node.type === 'find-user' && builtinEndpointId !== null) ids.push(builtinEndpointId);
  return [...new Set(ids)];
}

/**
 * Every (step, endpoint) reference in a graph: the rows of the usage index. `builtinEndpointId`
 * is the flow's workflow's built-in Flowyard endpoint (null if it has none).
 */
export function graphEndpointRefs(graph: FlowGraph, builtinEndpointId: string | null): GraphEndpointRef[] {
  return graph.nodes.flatMap((node, index) =>
    nodeEndpointIds(node, builtinEndpointId).map((endpointId) => ({
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
