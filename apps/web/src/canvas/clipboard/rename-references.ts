const referencePattern = /\{\{(\s*)([^{}]*?)(\s*)\}\}/g;

/**
 * `template` with every `{{Old Name…}}` reference to a renamed step pointing at its new name
 * (`renames`: old name → new name). The longest matching name wins, exact case before any case,
 * as the runner resolves them; other references stay as they are.
 */
export function renameReferences(template: string, renames: ReadonlyMap<string, string>): string {
  if (!template.includes('{{') || renames.size === 0) return template;
  const names = [...renames.keys()].sort((a, b) => b.length - a.length);
  const boundary = (ref: string, name: string) => ref.length === name.length || ref.charAt(name.length) === '.' || ref.charAt(name.length) === '[';
  return template.replace(referencePattern, (match, before: string, reference: string, after: string) => {
    const from =
      names.find((name) => reference.startsWith(name) && boundary(reference, name)) ??
      names.find((name) => reference.slice(0, name.length).toLowerCase() === name.toLowerCase() && boundary(reference, name));
    const to = from === undefined ? undefined : renames.get(from);
    return from === undefined || to === undefined ? match : `{{${before}${to}${reference.slice(from.length)}${after}}}`;
  });
}

/** Every string inside a JSON value passed through `rewrite` (objects and arrays rebuilt, the rest kept). */
export function mapJsonStrings(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === 'string') return rewrite(value);
  if (Array.isArray(value)) return value.map((item) => mapJsonStrings(item, rewrite));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapJsonStrings(item, rewrite)]));
  }
  return value;
}
