import type { FieldIssue, FlowGraph } from '@flowyard/engine/schemas';
import type { ApiError } from '../lib/trpc-error';

/** Why the last save failed, as the editor shows it. */
export type SaveProblem =
  | { kind: 'conflict'; message: string }
  | { kind: 'invalid'; message: string; issues: string[] };

/** Reads a server issue path (`graph.nodes.1.data.name`) as a person would: "HTTP Request 2 › name". */
export function describeIssue(issue: FieldIssue, graph: FlowGraph): string {
  const match = /(?:^|\.)nodes\.(\d+)(?:\.(.*))?$/.exec(issue.path);
  if (match) {
    const node = graph.nodes[Number(match[1])];
    const field = (match[2] ?? '').replace(/^data\.(config\.)?/, '');
    if (node) return `${node.data.name}${field ? ` › ${field}` : ''}: ${issue.message}`;
  }
  return issue.path ? `${issue.path.replace(/^graph\./, '')}: ${issue.message}` : issue.message;
}

/** The problem to show for a failed `flows.save` of `graph`. */
export function saveProblemOf(error: ApiError, graph: FlowGraph): SaveProblem {
  if (error.code === 'CONFLICT') {
    return { kind: 'conflict', message: 'This flow was changed elsewhere since you opened it.' };
  }
  return { kind: 'invalid', message: error.message || 'The flow could not be saved.', issues: error.issues.map((i) => describeIssue(i, graph)) };
}
