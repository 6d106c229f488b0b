import { splitReference } from '@flowyard/engine/schemas';

/** One step into a value: an object key, or an array index. */
export type PathSegment = string | number;

/** Step reference names (`trigger` or the step name) → the output names references may use. */
export type ReferenceShape = Record<string, readonly string[] | null>;

// Keys a dotted path spells as they are; anything else is written as a quoted segment.
const plainKey = /^[^\s.[\]{}"\u0000-\u001f](?:[^.[\]{}"\u0000-\u001f]*[^\s.[\]{}"\u0000-\u001f])?$/;

/**
 * The reference (without braces) the engine resolves to `path` inside `output` of the step that
 * references call `referenceName`: `HTTP Request.body.items[0].id` where plain dots say it
 * exactly, else with quoted segments (`Get["body"]["a.b"]`). Null when the step's name cannot be
 * written in a way the engine reads back (braces end a `{{…}}`; `[0]` in a step name reads as an index).
 */
export function referenceText(referenceName: string, output: string, path: readonly PathSegment[], shape: ReferenceShape): string | null {
  if (/[{}]/.test(referenceName)) return null;
  const expected = [output, ...path.map(String)];
  const wanted = (text: string) => {
    const target = splitReference(text, shape);
    return target.found && target.stepName === referenceName && sameSegments([target.output ?? '', ...target.path], expected);
  };
  const dotted = `${referenceName}${/[[\]{}"]/.test(output) ? quoted(output) : `.${output}`}${path.map(segmentText).join('')}`;
  if (wanted(dotted)) return dotted;
  const exact = `${referenceName}${quoted(output)}${path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : quoted(segment))).join('')}`;
  return wanted(exact) ? exact : null;
}

function segmentText(segment: PathSegment): string {
  if (typeof segment === 'number') return `[${segment}]`;
  return plainKey.test(segment) ? `.${segment}` : quoted(segment);
}

/** `["…"]` holding a JSON string; braces escaped so the `{{…}}` around it still ends where it should. */
function quoted(key: string): string {
  return `[${JSON.stringify(key).replace(/\{/g, '\\u007b').replace(/\}/g, '\\u007d')}]`;
}

function sameSegments(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}
