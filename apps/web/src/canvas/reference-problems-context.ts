import type { ReferenceProblem } from '@flowyard/engine/schemas';
import { createContext, useContext } from 'react';

/** Reference problems per node id for the open flow (computed once per graph change). */
export const ReferenceProblemsContext = createContext<ReadonlyMap<string, readonly ReferenceProblem[]>>(new Map());

const none: readonly ReferenceProblem[] = [];

export function useNodeReferenceProblems(nodeId: string): readonly ReferenceProblem[] {
  return useContext(ReferenceProblemsContext).get(nodeId) ?? none;
}

/** Groups a flow's reference problems by the node they are in. */
export function problemsByNode(problems: readonly ReferenceProblem[]): ReadonlyMap<string, readonly ReferenceProblem[]> {
  const map = new Map<string, ReferenceProblem[]>();
  for (const problem of problems) {
    const list = map.get(problem.nodeId);
    if (list) list.push(problem);
    else map.set(problem.nodeId, [problem]);
  }
  return map;
}
