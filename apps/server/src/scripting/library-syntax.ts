import { scriptSyntaxProblem, type FieldIssue, type ScriptSyntaxProblem } from '@flowyard/engine';

/**
 * Parses a shared library as the sandbox wraps it (a CommonJS function body) without running
 * it, so a syntax error is reported at its line and column when the library is saved rather
 * than by every script that requires it.
 */
export function librarySyntaxIssue(source: string): { issue: FieldIssue; syntax: ScriptSyntaxProblem } | null {
  const syntax = scriptSyntaxProblem(source);
  if (syntax === null) return null;
  return { issue: { path: 'source', message: `Line ${syntax.line}: ${syntax.message}` }, syntax };
}
