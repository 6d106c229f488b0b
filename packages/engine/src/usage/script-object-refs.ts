import type { AnyNode } from 'acorn';
import { endpointNameKey } from '../endpoint/endpoint-name';
import { parseScript, staticString, walk } from './script-ast';

/** A shared library or constant a script reads by a literal name, and how often. */
export interface ScriptObjectRef {
  /** As written the first time (for a library: without `./` and `.js`). */
  name: string;
  occurrences: number;
}

/** What a script reads by name: `require('<library>')` and `constants['Name']` / `constants.Name`. */
export interface ScriptObjectRefs {
  /** By library name key (require finds libraries case-insensitively, with or without `./` and `.js`). */
  libraries: Map<string, ScriptObjectRef>;
  /** By exact name (constants are read as written). */
  constants: Map<string, ScriptObjectRef>;
}

/** The library name `require(name)` loads, as the sandbox resolves it: `./x.js` is `x`. */
export function requiredLibraryKey(name: string): string {
  return endpointNameKey(name.replace(/^\.\//, '').replace(/\.js$/, ''));
}

/**
 * The shared libraries and constants a script (or a library) names literally. Names computed at
 * run time (`require(name)`, `constants[key]`) are not listed: only a run knows them. A script
 * that does not parse names nothing.
 */
export function findScriptObjectRefs(script: string): ScriptObjectRefs {
  const refs: ScriptObjectRefs = { libraries: new Map(), constants: new Map() };
  const parsed = parseScript(script);
  if (!parsed.parsed) return refs;
  walk(parsed.program, (node) => {
    const library = requiredName(node);
    if (library !== null) count(refs.libraries, requiredLibraryKey(library), library.replace(/^\.\//, '').replace(/\.js$/, ''));
    const constant = constantName(node);
    if (constant !== null) count(refs.constants, constant, constant);
  });
  return refs;
}

function count(found: Map<string, ScriptObjectRef>, key: string, name: string): void {
  const seen = found.get(key);
  if (seen === undefined) found.set(key, { name, occurrences: 1 });
  else seen.occurrences += 1;
}

/** `require('x')`: the sandbox's global require, called with a literal. */
function requiredName(node: AnyNode): string | null {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return null;
  const argument = node.arguments[0];
  return argument === undefined || argument.type === 'SpreadElement' ? null : staticString(argument);
}

/** `constants['Name']` or `constants.Name`. */
function constantName(node: AnyNode): string | null {
  if (node.type !== 'MemberExpression' || node.object.type !== 'Identifier' || node.object.name !== 'constants') return null;
  if (node.computed) return staticString(node.property);
  return node.property.type === 'Identifier' ? node.property.name : null;
}
