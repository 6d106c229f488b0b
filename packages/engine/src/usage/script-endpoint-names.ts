import { type AnyNode, type CallExpression, type Expression, type SpreadElement, type Super } from 'acorn';
import { parseScript, staticString, walk } from './script-ast';

/** How a literal was written, so a rewrite can keep its style. */
export type LiteralQuote = "'" | '"' | '`';

/** One place a script names an endpoint literally: `http.request({ endpoint: 'Name' })` or `http.authenticate('Name')`. */
export interface EndpointNameLiteral {
  name: string;
  /** Source offsets (UTF-16 code units) of the whole literal, quotes included. */
  start: number;
  end: number;
  quote: LiteralQuote;
  call: 'request' | 'authenticate';
}

export type ScriptEndpointNames = { parsed: true; literals: EndpointNameLiteral[] } | { parsed: false; problem: string };

/**
 * Parses a step script (as the sandbox runs it: a function body, so top-level `return` is
 * allowed) and lists the endpoint names it writes as plain strings. Names that are computed
 * (`endpoint: name`, template literals with `${…}`) are not listed: only a run knows them.
 */
export function findScriptEndpointNames(script: string): ScriptEndpointNames {
  const parsed = parseScript(script);
  if (!parsed.parsed) return { parsed: false, problem: parsed.problem.message };
  const program = parsed.program;
  const literals: EndpointNameLiteral[] = [];
  walk(program, (node) => {
    if (node.type !== 'CallExpression') return;
    const call = httpCall(node);
    if (call === null) return;
    const argument = node.arguments[0];
    if (argument === undefined) return;
    const named = call === 'authenticate' ? argument : endpointOption(argument);
    const literal = named === null ? null : stringLiteral(named);
    if (literal !== null) literals.push({ ...literal, call });
  });
  return { parsed: true, literals: literals.sort((a, b) => a.start - b.start) };
}

/** `http.request(…)` / `http['authenticate'](…)`, optional chaining included. */
function httpCall(node: CallExpression): 'request' | 'authenticate' | null {
  const callee = node.callee;
  if (callee.type !== 'MemberExpression') return null;
  if (callee.object.type !== 'Identifier' || callee.object.name !== 'http') return null;
  const property = callee.computed ? staticString(callee.property) : callee.property.type === 'Identifier' ? callee.property.name : null;
  return property === 'request' || property === 'authenticate' ? property : null;
}

/** The value of the `endpoint` property of an object-literal argument. */
function endpointOption(argument: Expression | SpreadElement): Expression | null {
  if (argument.type !== 'ObjectExpression') return null;
  let found: Expression | null = null;
  for (const property of argument.properties) {
    if (property.type !== 'Property' || property.kind !== 'init' || property.method || property.shorthand) continue;
    const key = property.computed ? staticString(property.key) : property.key.type === 'Identifier' ? property.key.name : staticString(property.key);
    // The last `endpoint` wins, as in JavaScript.
    if (key === 'endpoint') found = property.value;
  }
  return found;
}

function stringLiteral(node: Expression | SpreadElement | Super): Omit<EndpointNameLiteral, 'call'> | null {
  if (node.type === 'Literal' && typeof node.value === 'string') {
    const quote = node.raw?.startsWith('"') === true ? '"' : "'";
    return { name: node.value, start: node.start, end: node.end, quote };
  }
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    const cooked = node.quasis[0]?.value.cooked;
    if (typeof cooked !== 'string') return null;
    return { name: cooked, start: node.start, end: node.end, quote: '`' };
  }
  return null;
}
