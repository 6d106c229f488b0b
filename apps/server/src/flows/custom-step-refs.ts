import { stepCustomStepId, type FieldIssue, type FlowGraph } from '@flowyard/engine';

export interface GraphCustomStepRef {
  customStepId: string;
  nodeId: string;
  stepName: string;
  /** Where the reference sits in the saved input, for error messages. */
  path: string;
}

/** Every instance of a custom step in a graph: the rows of the custom step usage index. */
export function graphCustomStepRefs(graph: FlowGraph): GraphCustomStepRef[] {
  return graph.nodes.flatMap((node, index) => {
    const customStepId = stepCustomStepId(node);
    return customStepId === null ? [] : [{ customStepId, nodeId: node.id, stepName: node.data.name, path: `graph.nodes.${index}.data.config.customStepId` }];
  });
}

/** Issues for instances of custom steps that do not exist (in the flow's workflow). */
export function missingCustomStepIssues(refs: GraphCustomStepRef[], existing: ReadonlySet<string>): FieldIssue[] {
  return refs
    .filter((ref) => !existing.has(ref.customStepId))
    .map((ref) => ({ path: ref.path, message: `Step "${ref.stepName}" uses a custom step that does not exist (it may have been deleted); replace the step` }));
}
