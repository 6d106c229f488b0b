import type { CustomStepBody } from '../custom-step/custom-step';
import { endpointNameKey } from '../endpoint/endpoint-name';
import { customStepEndpointLiterals } from './custom-step-endpoint-names';
import { jsStringLiteral } from './js-string-literal';

/**
 * Rewrites the literals of a custom step's script that name an endpoint whose key is in
 * `renames` (name key → new name), and nothing else: only the literal ranges the parser found
 * change, each escaped as a JS string in its original quote style.
 */
export function rewriteScriptEndpointNames(
  step: Pick<CustomStepBody, 'script' | 'includeEndpoint' | 'endpointLabel'>,
  renames: ReadonlyMap<string, string>,
): { script: string; rewritten: number } {
  const literals = customStepEndpointLiterals(step).filter((literal) => renames.has(endpointNameKey(literal.name)));
  let script = step.script;
  // Back to front, so earlier offsets stay valid.
  for (const literal of [...literals].reverse()) {
    const name = renames.get(endpointNameKey(literal.name)) ?? literal.name;
    script = `${script.slice(0, literal.start)}${jsStringLiteral(name, literal.quote)}${script.slice(literal.end)}`;
  }
  return { script, rewritten: literals.length };
}
