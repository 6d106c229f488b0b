import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';

/** A problem at a place in the text: line from 1, column from 0 (acorn's and CodeMirror's way). */
export interface CodeProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * The problem as a CodeMirror diagnostic on one character from its place, clamped to the text as
 * it is now (it may have changed since the server looked): at a line's end it marks the end.
 */
export function toDiagnostic(doc: Text, problem: CodeProblem): Diagnostic {
  const line = doc.line(Math.min(Math.max(1, problem.line), doc.lines));
  const from = Math.min(line.from + Math.max(0, problem.column), line.to);
  return { from, to: Math.min(from + 1, line.to), severity: 'error', message: problem.message };
}
