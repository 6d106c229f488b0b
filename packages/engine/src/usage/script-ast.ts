import { parse, type AnyNode } from 'acorn';

/** A parse error at a place in the source (line from 1, column from 0, as CodeMirror and acorn count). */
export interface ScriptSyntaxProblem {
  message: string;
  line: number;
  column: number;
  /** Offset (UTF-16 code units) into the source. */
  offset: number;
}

export type ParsedScript = { parsed: true; program: AnyNode } | { parsed: false; problem: ScriptSyntaxProblem };

/**
 * Parses a step script or a shared library as the sandbox runs them: a function body, so a
 * top-level `return` is allowed, in non-strict mode with modern syntax.
 */
export function parseScript(source: string): ParsedScript {
  try {
    return { parsed: true, program: parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true, locations: true }) };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { parsed: false, problem: syntaxProblem(error) };
  }
}

// acorn's SyntaxError carries `loc` and `pos`, and ends its message with " (line:column)".
function syntaxProblem(error: SyntaxError): ScriptSyntaxProblem {
  const loc = 'loc' in error && typeof error.loc === 'object' && error.loc !== null ? error.loc : {};
  const line = 'line' in loc && typeof loc.line === 'number' ? loc.line : 1;
  const column = 'column' in loc && typeof loc.column === 'number' ? loc.column : 0;
  const offset = 'pos' in error && typeof error.pos === 'number' ? error.pos : 0;
  return { message: error.message.replace(/ \(\d+:\d+\)$/, ''), line, column, offset };
}

/** The text of a string literal or a template literal without substitutions, else null. */
export function staticString(node: AnyNode): string | null {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** Visits every node under `root`: acorn's nodes are plain objects whose children carry a `type`. */
export function walk(root: AnyNode, visit: (node: AnyNode) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    if (!isNode(value)) continue;
    visit(value);
    for (const child of Object.values(value)) {
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string' && 'start' in value;
}

/** Where a script or library first fails to parse, or null when it parses. */
export function scriptSyntaxProblem(source: string): ScriptSyntaxProblem | null {
  const parsed = parseScript(source);
  return parsed.parsed ? null : parsed.problem;
}
