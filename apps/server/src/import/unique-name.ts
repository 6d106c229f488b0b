import { endpointNameKey } from '@flowyard/engine';

const maxNameLength = 100;

/**
 * The collision policy of imports: a name already taken (case-insensitively) becomes
 * "Name (imported)", then "Name (imported 2)", …, shortened to fit the 100-character limit.
 * The chosen name's key is added to `taken`.
 */
export function uniqueImportName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 1; taken.has(endpointNameKey(candidate)); n++) {
    const suffix = n === 1 ? ' (imported)' : ` (imported ${n})`;
    candidate = `${[...name].slice(0, maxNameLength - suffix.length).join('').trimEnd()}${suffix}`;
  }
  taken.add(endpointNameKey(candidate));
  return candidate;
}
