import type { ReferenceProblem } from '@flowyard/engine/schemas';
import { createContext, useContext } from 'react';
import { createKeyedSource, useKeyedValue, type KeyedSource } from './keyed-source';

/** Reference problems per node id for the open flow (computed once per graph change). */
export const ReferenceProblemsContext = createContext<KeyedSource<readonly ReferenceProblem[]>>(createKeyedSource(new Map()));

const none: readonly ReferenceProblem[] = [];

/** The node's reference problems; recomputing them re-renders only the nodes whose problems changed. */
export function useNodeReferenceProblems(nodeId: string): readonly ReferenceProblem[] {
  return useKeyedValue(useContext(ReferenceProblemsContext), nodeId) ?? none;
}

/** Whether two lists name the same problems (a recomputation makes new arrays of equal problems). */
export function sameProblems(a: readonly ReferenceProblem[], b: readonly ReferenceProblem[]): boolean {
  return a.length === b.length && a.every((p, i) => {
    const q = b[i];
    return q !== undefined && p.field === q.field && p.reference === q.reference && p.message === q.message && p.stepName === q.stepName;
  });
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
