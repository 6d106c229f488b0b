import { useNodeReferenceProblems } from '../reference-problems-context';

/** The first reference problem of each field of a node, for showing under that field. */
export function useReferenceProblem(nodeId: string): (field: string) => string | undefined {
  const problems = useNodeReferenceProblems(nodeId);
  return (field) => problems.find((p) => p.field === field)?.message;
}
