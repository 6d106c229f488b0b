import { FlowyardError } from '../errors/flowyard-error';
import type { Json } from '../run/run-record';

/** What references can see: `trigger` plus the outputs of the upstream steps that ran, by step name. */
export type ReferenceScope = Record<string, Record<string, Json>>;

const referencePattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The references (`{{…}}` contents, trimmed) in a template, in order. */
export function findReferences(template: string): string[] {
  return [...template.matchAll(referencePattern)].map((match) => match[1] ?? '');
}

export type ReferenceLookup = { found: true; value: Json } | { found: false; problem: string };

/** Where a reference points: a step (by the name it has in the scope), one of its outputs and a path inside it. */
export type ReferenceTarget =
  | { found: true; stepName: string; output: string | null; path: string[] }
  | { found: false; problem: string; stepName: string | null };

/**
 * Splits `Step Name.Output Label.nested.0` against the step names and output names a
 * scope has (`null` outputs: any output name is accepted, e.g. an unknown definition).
 * Step names and output labels may contain dots and spaces, so the longest matching name wins.
 * Segments after the step name may also be written `["…"]` (a JSON string: exact, any
 * characters, braces as `\u007b`/`\u007d`) and array items `[0]`:
 * `Get User["body"]["a.b"].items[0]`, for keys that dotted paths cannot spell.
 */
export function splitReference(reference: string, outputsByStep: Record<string, readonly string[] | null>): ReferenceTarget {
  const quoted = splitQuotedTail(reference);
  if (quoted === null) return splitDotted(reference, outputsByStep);
  const head = splitDotted(quoted.head, outputsByStep);
  const target = head.found ? withTail(head, quoted.tail, outputsByStep) : head;
  if (target.found) return target;
  // A step name may itself contain `["`: read the reference the older way before giving up.
  const dotted = splitDotted(reference, outputsByStep);
  return dotted.found ? dotted : target;
}

function splitDotted(reference: string, outputsByStep: Record<string, readonly string[] | null>): ReferenceTarget {
  const ref = reference.replace(/\[(\d+)\]/g, '.$1');
  if (ref === '') return { found: false, problem: 'the reference is empty', stepName: null };
  const stepName = longestPrefix(ref, Object.keys(outputsByStep));
  if (stepName === undefined) {
    return { found: false, problem: `no step named "${ref.split('.')[0]}" ran before this step`, stepName: null };
  }
  const afterStep = ref.slice(stepName.length + 1);
  if (afterStep === '') return { found: true, stepName, output: null, path: [] };
  const outputs = outputsByStep[stepName] ?? null;
  const output = outputs === null ? afterStep.split('.')[0] : longestPrefix(afterStep, [...outputs]);
  if (output === undefined) {
    return { found: false, problem: `step "${stepName}" has no output "${afterStep.split('.')[0]}"`, stepName };
  }
  const rest = afterStep.slice(output.length + 1);
  return { found: true, stepName, output, path: rest === '' ? [] : rest.split('.') };
}

// The segments after a head that named only the step start with its output (matched exactly).
function withTail(
  head: Extract<ReferenceTarget, { found: true }>,
  tail: string[],
  outputsByStep: Record<string, readonly string[] | null>,
): ReferenceTarget {
  if (head.output !== null) return { ...head, path: [...head.path, ...tail] };
  const [output, ...path] = tail;
  if (output === undefined) return head;
  const outputs = outputsByStep[head.stepName] ?? null;
  if (outputs !== null && !outputs.includes(output)) {
    return { found: false, problem: `step "${head.stepName}" has no output "${output}"`, stepName: head.stepName };
  }
  return { found: true, stepName: head.stepName, output, path };
}

const quotedSegment = /\[("(?:[^"\\]|\\.)*")\]/y;
const indexSegment = /\[(\d+)\]/y;
const dottedSegment = /\.([^.[]+)/y;

/** `Step.Out["a.b"][0].c` → head `Step.Out`, tail `a.b`, `0`, `c`; null without a `["` or when the tail does not parse. */
function splitQuotedTail(reference: string): { head: string; tail: string[] } | null {
  const at = reference.indexOf('["');
  if (at === -1) return null;
  const tail: string[] = [];
  let i = at;
  while (i < reference.length) {
    const quoted = matchAt(quotedSegment, reference, i);
    const match = quoted ?? matchAt(indexSegment, reference, i) ?? matchAt(dottedSegment, reference, i);
    if (match === null) return null;
    const segment = quoted ? parseJsonString(match[1] ?? '') : match[1];
    if (segment === undefined) return null;
    tail.push(segment);
    i += match[0].length;
  }
  return { head: reference.slice(0, at), tail };
}

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function parseJsonString(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Looks up `trigger.body.id` or `Step Name.Output Label.nested.0` in a scope (see splitReference). */
export function lookupReference(reference: string, scope: ReferenceScope): ReferenceLookup {
  const shape: Record<string, string[]> = Object.create(null);
  for (const [name, outputs] of Object.entries(scope)) shape[name] = Object.keys(outputs);
  const target = splitReference(reference, shape);
  if (!target.found) return { found: false, problem: target.problem };
  const outputs = scope[target.stepName] ?? {};
  if (target.output === null) return { found: true, value: outputs };
  let value: Json = outputs[target.output] ?? null;
  let walked = `${target.stepName}.${target.output}`;
  for (const segment of target.path) {
    const next = child(value, segment);
    if (next === undefined) return { found: false, problem: `"${walked}" has no "${segment}"` };
    value = next;
    walked += `.${segment}`;
  }
  return { found: true, value };
}

/**
 * Replaces every `{{reference}}` in `template` with its value (strings as they are,
 * anything else as JSON). An unknown reference is a VALIDATION_FAILED naming it and the field.
 */
export function resolveReferences(template: string, scope: ReferenceScope, field = 'value'): string {
  return replaceReferences(template, (reference) => {
    const lookup = lookupReference(reference, scope);
    if (!lookup.found) {
      const message = `Unknown reference {{${reference}}} in ${field}: ${lookup.problem}`;
      throw new FlowyardError('VALIDATION_FAILED', message, { issues: [{ path: field, message }], details: { reference, field } });
    }
    return referenceValueText(lookup.value);
  });
}

/** Replaces every `{{reference}}` in `template` with what `replace` gives for the reference (trimmed, without braces). */
export function replaceReferences(template: string, replace: (reference: string) => string): string {
  if (!template.includes('{{')) return template;
  return template.replace(referencePattern, (_match, reference: string) => replace(reference));
}

/** A referenced value as a template holds it: strings as they are, anything else as JSON. */
export function referenceValueText(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// Exact match first, then case-insensitive; among matches the longest name wins ("A.B" over "A").
function longestPrefix(ref: string, names: string[]): string | undefined {
  const sorted = [...names].sort((a, b) => b.length - a.length);
  const boundary = (name: string): boolean => ref.length === name.length || ref.charAt(name.length) === '.';
  return (
    sorted.find((name) => ref.startsWith(name) && boundary(name)) ??
    sorted.find((name) => ref.slice(0, name.length).toLowerCase() === name.toLowerCase() && boundary(name))
  );
}

function child(value: Json, segment: string): Json | undefined {
  if (Array.isArray(value)) {
    if (!/^\d+$/.test(segment)) return undefined;
    return value[Number(segment)];
  }
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, segment)) return value[segment];
  return undefined;
}
