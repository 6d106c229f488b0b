import type { CustomStepBody } from '../custom-step/custom-step';
import { endpointNameKey } from '../endpoint/endpoint-name';
import { findScriptEndpointNames, type EndpointNameLiteral } from './script-endpoint-names';

/**
 * The version of the rules below; stored with each indexed custom step, so the server
 * re-indexes steps indexed by an older version (or never) when it starts.
 */
export const scriptIndexVersion = 1;

/** An endpoint a custom step's script names, by name key, with how often. */
export interface ScriptEndpointName {
  nameKey: string;
  /** As written the first time. */
  name: string;
  occurrences: number;
}

type ScriptOwner = Pick<CustomStepBody, 'script' | 'includeEndpoint' | 'endpointLabel'>;

/**
 * The literals in a custom step's script that name workflow endpoints. The step's own
 * endpoint label is not a name: at run time it stands for whatever endpoint the instance binds.
 */
export function customStepEndpointLiterals(step: ScriptOwner): EndpointNameLiteral[] {
  const found = findScriptEndpointNames(step.script);
  if (!found.parsed) return [];
  return found.literals.filter((literal) => literal.name.trim() !== '' && !(step.includeEndpoint && literal.name === step.endpointLabel));
}

/** The endpoints a custom step's script names literally, one entry per name key (the usage index rows). */
export function customStepEndpointNames(step: ScriptOwner): ScriptEndpointName[] {
  const byKey = new Map<string, ScriptEndpointName>();
  for (const literal of customStepEndpointLiterals(step)) {
    const nameKey = endpointNameKey(literal.name);
    const seen = byKey.get(nameKey);
    if (seen === undefined) byKey.set(nameKey, { nameKey, name: literal.name, occurrences: 1 });
    else seen.occurrences += 1;
  }
  return [...byKey.values()];
}
